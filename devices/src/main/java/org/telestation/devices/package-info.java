/** Measurement model, device codecs, transports and simulators. Plain Java: no Spring here. */
package org.telestation.devices;
