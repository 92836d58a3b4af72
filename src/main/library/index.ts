// The testing library's entry (`import { startMockmost } from 'mockmost'`); `npm run build`
// writes its declarations to out/types from these sources.
export { startMockmost, type Mockmost, type StartOptions } from './start-mockmost';
export type { ChannelRef, PostRef } from './harness';
export type { PostMatch } from './post-match';
export { MattermostError } from './rest';
export type { Setup } from './setup';
export type { ActionOutcome, CommandOutcome, DialogOutcome, OpenDialog, Outcome, UserDriver } from './user-driver';
export type { WaitOptions } from './waits';
