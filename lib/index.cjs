// `require('mockmost')`: the testing library, built into out/main by `npm run build`.
module.exports = require('../out/main/library.js');
