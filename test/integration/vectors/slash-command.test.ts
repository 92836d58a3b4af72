import { describeServerVectors } from './describe-server-vectors';

describeServerVectors(['slash-command']);
