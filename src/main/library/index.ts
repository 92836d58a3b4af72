// The testing library's entry (`import { startMockmost } from 'mockmost'`); lib/index.d.ts
// declares this surface for users, and a type test keeps the two the same.
export { startMockmost, type Mockmost, type StartOptions } from './start-mockmost';
