package org.telestation.devices.ecg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lead codes of standards.md §3.2 (CID 3001 table) and §3.4 (aECG codes). */
class EcgLeadTest {
    @Test
    void scpEcgAndMdcCodesFollowTheTable() {
        assertThat(EcgLead.I.dicomScpCode()).isEqualTo("5.6.3-9-1");
        assertThat(EcgLead.II.dicomScpCode()).isEqualTo("5.6.3-9-2");
        assertThat(EcgLead.V1.dicomScpCode()).isEqualTo("5.6.3-9-3");
        assertThat(EcgLead.V6.dicomScpCode()).isEqualTo("5.6.3-9-8");
        assertThat(EcgLead.III.dicomScpCode()).isEqualTo("5.6.3-9-61");
        assertThat(EcgLead.AVF.dicomScpCode()).isEqualTo("5.6.3-9-64");
        assertThat(EcgLead.I.mdcCode()).isEqualTo(131329);
        assertThat(EcgLead.II.mdcCode()).isEqualTo(131330);
        assertThat(EcgLead.III.mdcCode()).isEqualTo(131389);
        assertThat(EcgLead.AVR.aecgCode()).isEqualTo("MDC_ECG_LEAD_AVR");
    }

    @Test
    void recognisesTheSpellingsFormatsUse() {
        assertThat(EcgLead.fromText("Lead aVL")).isEqualTo(EcgLead.AVL);
        assertThat(EcgLead.fromText("MDC_ECG_LEAD_V4")).isEqualTo(EcgLead.V4);
        assertThat(EcgLead.fromText("5.6.3-9-62")).isEqualTo(EcgLead.AVR);
        assertThat(EcgLead.fromText("2:61")).isEqualTo(EcgLead.III);
        assertThat(EcgLead.fromText("MLII")).isNull();
        assertThat(EcgLead.fromText("5.6.3-9-99999")).isNull();
    }
}
