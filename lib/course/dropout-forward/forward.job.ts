/** The worker job behind the dropout-forward widget: up to 1,000 passes through the engine's nn.Dropout. */
import type { Job } from '../../runtime';
import { dropoutForward, type ForwardRequest, type ForwardResult } from './forward';

/** Runs one request (tens of milliseconds at 1,000 passes: too long for the main thread while a slider moves). */
export const dropoutForwardJob: Job<ForwardRequest, never, ForwardResult> = async (request) => dropoutForward(request);
