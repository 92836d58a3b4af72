// `import { startMockmost } from 'mockmost'`: the same module as require('mockmost'), so a test
// run that mixes both gets one copy.
export { MattermostError, startMockmost } from '../out/main/library.js';
