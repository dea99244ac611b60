/**
 * USB video class cameras (otoscope, dermatoscope) behind {@link org.telestation.devices.video.VideoSource}: live
 * frames for the WebRTC track and full-resolution stills for the record; an otoscope simulator stands in for the
 * camera. A V4L2 implementation (JavaCV) plugs in behind the same interface: see docs/devices/media.md.
 */
package org.telestation.devices.video;
