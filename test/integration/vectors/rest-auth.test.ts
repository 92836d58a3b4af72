import { describeServerVectors } from './describe-server-vectors';

describeServerVectors(['rest', 'auth']);
