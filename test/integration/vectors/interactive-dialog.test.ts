import { describeServerVectors } from './describe-server-vectors';

describeServerVectors(['interactive', 'dialog']);
