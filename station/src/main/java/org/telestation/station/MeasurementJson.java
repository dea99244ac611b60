package org.telestation.station;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;

/** The outbox payload of a captured measurement (docs/wire-protocol.md §4): self-describing, FHIR-ready JSON. */
public final class MeasurementJson {
    public static final String CONTENT_TYPE = "application/vnd.telestation.measurement+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MeasurementJson() {
    }

    public static byte[] toJson(Measurement m, String origin) {
        ObjectNode n = JSON.createObjectNode()
                .put("sign", m.sign().name())
                .put("loinc", m.sign().loinc())
                .put("unit", m.unit())
                .put("origin", origin)
                .put("receiptTime", m.receiptTime().toString());
        if (m.hasValue()) n.put("value", m.value()); else n.putNull("value");
        if (m.deviceTime() != null) n.put("deviceTime", m.deviceTime().toString());
        DeviceIdentity d = m.device();
        n.putObject("device").put("id", d.id()).put("kind", d.kind().name()).put("manufacturer", d.manufacturer())
                .put("model", d.model()).put("serial", d.serial());
        var flags = n.putArray("flags");
        for (StatusFlag f : m.flags()) flags.add(f.name());
        return n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
