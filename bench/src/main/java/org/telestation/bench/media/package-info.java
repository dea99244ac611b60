/**
 * Media benchmarks: FHIR Observation mapping, WAV reading (MB/s and × real time), the import decoders and the media
 * simulators. Figures and the command line are in docs/devices/media.md.
 */
package org.telestation.bench.media;
