// The same package through require('mockmost'), as a Jest suite without ESM would load it.
const { startMockmost } = require('mockmost');

startMockmost({ controlToken: 'fixed-token' }).then(async (mockmost) => {
  const seed = await mockmost.reset();
  await mockmost.stop();
  process.stdout.write(`${JSON.stringify({ token: mockmost.controlToken, teams: Object.keys(seed.teams) })}\n`);
});
