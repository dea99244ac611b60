package org.telestation.station.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.telestation.station.StationAgent;
import org.telestation.station.config.Credential;
import org.telestation.station.config.StationConfig;

/**
 * The nurse's screen in headless Chromium, as a nurse uses it: the oximeter is listed with its values, a capture
 * shows up in the list of recorded measurements, and a full outbox raises the alarm without losing what is stored.
 * The server is unreachable on purpose: the screen must work offline.
 */
class NurseScreenBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir Path dir;
    StationAgent agent;
    WebDriver browser;
    int deadPort;

    /** Clicks, finding the element again if the screen's once-a-second refresh replaced it in between. */
    private static void click(WebDriverWait wait, By by) {
        wait.until(d -> {
            try {
                d.findElement(by).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
            }
        });
    }

    /**
     * Starts an agent with an unreachable server (the screen must work offline) and the given extra keys, and opens
     * its screen; returns a wait of {@code seconds} on the browser.
     */
    private WebDriverWait openScreen(Map<String, String> extra, int seconds) throws Exception {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "telestation.server.url", "http://localhost:" + deadPort,
                "telestation.credential.file", dir.resolve("credential.properties").toString(),
                "telestation.outbox.file", dir.resolve("outbox.db").toString(),
                "telestation.outbox.min-free-disk-mb", "0",
                "telestation.ui.port", "0"));
        config.putAll(extra);
        agent = new StationAgent(StationConfig.of(config), Clock.systemUTC());
        agent.start();
        browser.get("http://127.0.0.1:" + agent.uiPort() + "/");
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("this test needs Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver)");
        }
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        new Credential("CHR-UI-01", "secret").write(dir.resolve("credential.properties"));
        this.deadPort = deadPort;

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) browser.quit();
        if (agent != null) agent.close();
    }

    @Test
    void devicesAreListedACaptureShowsUpAndAFullOutboxRaisesTheAlarm() throws Exception {
        WebDriverWait wait = openScreen(Map.of("telestation.outbox.max-items", "3",
                "telestation.device.oximeter.protocol", "synthetic-oximeter"), 15);
        assertThat(browser.getTitle()).isEqualTo("Station Telestation");

        WebElement device = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.device [data-sign='OXYGEN_SATURATION']")));
        assertThat(device.getText()).startsWith("SpO₂ 9").endsWith("%");
        assertThat(browser.findElement(By.cssSelector("li.device .name")).getText()).contains("Oxymètre");
        assertThat(browser.findElement(By.id("link")).getText()).isEqualTo("Hors ligne");

        click(wait, By.cssSelector("li.device button.capture"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#outbox tr"), 2));
        // Offline: the items wait (or are being tried) but are listed as stored on the station.
        assertThat(browser.findElement(By.id("outbox")).getText()).contains("SpO₂ 9").contains("Pouls 72 /min")
                .containsPattern("En attente|Envoi…");
        assertThat(browser.findElement(By.id("alarm")).isDisplayed()).isFalse();

        // Max 3 pending: the second capture stores one more value, refuses the next, and the alarm shows.
        click(wait, By.cssSelector("li.device button.capture"));
        WebElement alarm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alarm")));
        assertThat(alarm.getText()).contains("File d'envoi pleine");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#outbox tr"), 3));
        assertThat(browser.findElement(By.id("depth")).getText()).contains("3 en attente");
    }

    /** A photo over the outbox's maximum item size is not stored, and the nurse is told where she took it. */
    @Test
    void aPhotoTooLargeToBeSentIsRefusedAndTheNurseIsTold() throws Exception {
        WebDriverWait wait = openScreen(Map.of("telestation.outbox.max-item-bytes", "1000",
                "telestation.device.otoscope.protocol", "otoscope-simulator"), 15);

        click(wait, By.cssSelector("button[data-action='snapshot']"));
        WebElement alarm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alarm")));
        assertThat(alarm.getText()).startsWith("Capture non enregistrée : trop volumineuse pour être envoyée (")
                .contains("1 Mo au plus");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.device .diagnostic"),
                "Capture non enregistrée : trop volumineuse"));
        assertThat(browser.findElements(By.cssSelector("#outbox tr"))).isEmpty();
        assertThat(agent.outbox().countByState().values()).containsOnly(0L);
    }

    /** Demo mode: every simulated device is listed, the serial ones read over socat; a device button stores an item. */
    @Test
    void demoDevicesAreListedAndTheirButtonsStoreItems() throws Exception {
        WebDriverWait wait = openScreen(Map.of("telestation.demo", "true",
                "telestation.demo.dir", dir.resolve("demo").toString()), 20);
        wait.until(d -> d.findElements(By.cssSelector("li.device")).size() >= 10);
        wait.until(d -> d.findElement(By.id("devices")).getText().contains("Nonin data format 2"));
        String devices = browser.findElement(By.id("devices")).getText();
        assertThat(devices).contains("Oxymètre – Nonin data format 2", "Oxymètre – Contec CMS50 protocol V7.0",
                "Oxymètre – Masimo Rad-8 / Radical-7 ASCII", "Tensiomètre – Brassard (simulateur)",
                "Thermomètre – Thermomètre (simulateur)", "ECG 12 dérivations (10 s)", "Prendre une photo",
                "Enregistrer l'auscultation", "Simuler une photo de l'œil droit", "Simulateur (liaison série)");
        wait.until(d -> d.findElement(By.cssSelector("li.device [data-sign='OXYGEN_SATURATION']")).isDisplayed());

        click(wait, By.cssSelector("button[data-action='snapshot']"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .isEqualTo("Photo en cours…");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox"), "Image"));
    }
}
