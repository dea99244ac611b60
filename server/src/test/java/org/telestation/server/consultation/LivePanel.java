package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telestation.server.testsupport.Browser;

/** What a browser test checks on the live device panel ({@code live.js}) fed by a synthetic oximeter. */
final class LivePanel {
    private LivePanel() {
    }

    /** Waits for live SpO2 with its measured delay and for a pleth waveform of more than 100 samples. */
    static void awaitSpo2AndPleth(Browser browser) {
        WebDriverWait live = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        live.ignoring(StaleElementReferenceException.class);
        live.until(d -> !d.findElements(By.cssSelector(".live-value[data-sign=OXYGEN_SATURATION][data-delay-ms]"))
                .isEmpty());
        WebElement spo2 = browser.find(".live-value[data-sign=OXYGEN_SATURATION]");
        assertThat(spo2.findElement(By.cssSelector(".value")).getText()).matches("9[78] %");
        assertThat(spo2.findElement(By.cssSelector(".delay")).getText()).matches("délai \\d+ ms");
        live.until(d -> Integer.parseInt(d.findElement(By.cssSelector(".live-wave[data-channel=PLETH]"))
                .getDomAttribute("data-samples")) > 100);
    }
}
