import { runCalibration, type CalibrateRequest } from "./calibrateJob.js";

/*
 * The calibration worker: a few hundred bot games take seconds, which must not freeze the
 * studio page. One request per worker; the panel terminates it to cancel.
 */

self.onmessage = (event: MessageEvent<CalibrateRequest>) => runCalibration(event.data, (message) => self.postMessage(message));
