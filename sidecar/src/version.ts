/** Reported to the portal on every poll so the fleet view can show which sidecars run which release. */
export const SIDECAR_VERSION = '0.1.0';
