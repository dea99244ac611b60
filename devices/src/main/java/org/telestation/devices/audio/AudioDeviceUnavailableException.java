package org.telestation.devices.audio;

import org.telestation.devices.model.DeviceProblem;
import org.telestation.devices.model.DeviceUnavailableException;

/** The stethoscope cannot be opened or has gone. */
public class AudioDeviceUnavailableException extends DeviceUnavailableException {
    public AudioDeviceUnavailableException(DeviceProblem problem) {
        super(problem);
    }

    public AudioDeviceUnavailableException(DeviceProblem problem, Throwable cause) {
        super(problem, cause);
    }
}
