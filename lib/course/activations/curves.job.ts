/** The worker job behind the explorer's plots: sample every selected function with the engine. */
import type { Job } from '../../runtime';
import { type Curves, type CurvesRequest, sampleCurves } from './curves';

/** Computes the curves for one request (a few milliseconds; runs in a worker). */
export const curvesJob: Job<CurvesRequest, never, Curves> = async (request) => sampleCurves(request);
