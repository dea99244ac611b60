/**
 * Stethoscope audio: capture behind {@link org.telestation.devices.audio.AudioSource} (javax.sound.sampled for USB
 * audio class devices, or the heart-sound simulator), unprocessed PCM16, and WAV (RIFF/PCM16) writing and reading.
 */
package org.telestation.devices.audio;
