import { describeServerVectors } from './describe-server-vectors';

describeServerVectors(['incoming-webhook', 'slack-compat', 'limits']);
