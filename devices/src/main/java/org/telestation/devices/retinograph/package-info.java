/**
 * Retinograph import: images the retinograph exports into a folder are picked up once complete, recognised by their
 * magic bytes (JPEG, PNG; DICOM through a pluggable {@link org.telestation.devices.retinograph.ImageDecoder}),
 * given a laterality, de-duplicated by content hash and moved aside; a bad file is quarantined with its reason,
 * never lost. {@link org.telestation.devices.retinograph.FundusSimulator} plays the retinograph.
 */
package org.telestation.devices.retinograph;
