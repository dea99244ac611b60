package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telestation.server.testsupport.Browser;

/** What a browser test checks on the live device panel ({@code live.js}) fed by a synthetic oximeter. */
final class LivePanel {
    private LivePanel() {
    }

    /**
     * The panel's words in one page language, as {@code i18n/consultation*.properties} give them: the pulse tile's
     * label, the oximeter's kind (device card title, curve title, device list), the delay, the pleth curve's name, a
     * connected device's state and the socket's link line.
     */
    record Words(String pulse, String oximeter, String delay, String pleth, String connected, String link) {
        static final Words FRENCH = new Words("Pouls", "Oxymètre", "délai", "Pléthysmographie", "connecté", "Connecté");
        static final Words ENGLISH = new Words("Pulse", "Pulse oximeter", "delay", "Plethysmography", "connected",
                "Connected");
    }

    /** Waits for live SpO2 with its measured delay and for a pleth waveform of more than 100 samples (French page). */
    static void awaitSpo2AndPleth(Browser browser) {
        awaitSpo2AndPleth(browser, Words.FRENCH);
    }

    /** The same on a page in the language of {@code words}. */
    static void awaitSpo2AndPleth(Browser browser, Words words) {
        WebDriverWait live = patiently(browser);
        live.until(d -> !d.findElements(By.cssSelector(".live-value[data-sign=OXYGEN_SATURATION][data-delay-ms]"))
                .isEmpty());
        WebElement spo2 = browser.find(".live-value[data-sign=OXYGEN_SATURATION]");
        assertThat(spo2.findElement(By.cssSelector(".value")).getText()).matches("9[78] %");
        assertThat(spo2.findElement(By.cssSelector(".delay")).getText()).matches(words.delay() + " \\d+ ms");
        live.until(d -> Integer.parseInt(d.findElement(By.cssSelector(".live-wave[data-channel=PLETH]"))
                .getDomAttribute("data-samples")) > 100);
    }

    /**
     * Waits until the panel names everything in the language of {@code words}: the pulse tile, the oximeter's card
     * and curve (once the station's status named the device), the oximeter in the device list with its state, and the
     * link line. Each check waits, since the status may arrive after the first values.
     */
    static void assertWords(Browser browser, Words words) {
        WebDriverWait live = patiently(browser);
        String oximeter = Pattern.quote(words.oximeter());
        expect(live, ".live-value[data-sign=PULSE_RATE] .label", Pattern.quote(words.pulse()));
        expect(live, ".live-group:has(.live-value[data-sign=PULSE_RATE]) .live-group-title", oximeter + " .+");
        expect(live, ".live-wave[data-channel=PLETH] .title",
                Pattern.quote(words.pleth()) + " — " + oximeter + " .+");
        expect(live, "#live-devices li[data-state=CONNECTED]",
                oximeter + " .+ — " + Pattern.quote(words.connected()) + "( — .*)?");
        expect(live, "#live .live-link", Pattern.quote(words.link()));
    }

    /** Waits until one of the elements at {@code css} has a text that matches {@code regex} as a whole. */
    private static void expect(WebDriverWait live, String css, String regex) {
        StringBuilder seen = new StringBuilder();
        try {
            live.until(d -> {
                seen.setLength(0);
                for (WebElement e : d.findElements(By.cssSelector(css))) {
                    seen.append('[').append(e.getText()).append(']');
                    if (e.getText().matches(regex)) {
                        return true;
                    }
                }
                return false;
            });
        } catch (TimeoutException e) {
            throw new AssertionError(css + ": no text matches " + regex + "; last seen " + seen, e);
        }
    }

    private static WebDriverWait patiently(Browser browser) {
        WebDriverWait live = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        live.ignoring(StaleElementReferenceException.class);
        return live;
    }
}
