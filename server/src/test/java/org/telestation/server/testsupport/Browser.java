package org.telestation.server.testsupport;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, for the screen tests. Fails with a clear message when chromium or
 * chromedriver is missing (the CI script installs the Debian packages {@code chromium} and {@code chromium-driver}).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final AfterQuit afterQuit;

    private Browser(WebDriver driver, Path profile, String baseUrl, AfterQuit afterQuit) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.afterQuit = afterQuit;
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** What to stop once the driver has quit (chromedriver in a namespace and its bridge). */
    private interface AfterQuit {
        void run() throws InterruptedException;
    }

    /** Starts a fresh headless Chromium with a throw-away profile, pointed at {@code http://localhost:<port>}. */
    public static Browser open(int port) {
        return open(port, new String[0]);
    }

    /** The same, with extra Chromium switches (e.g. the fake-media and loopback switches of the WebRTC test). */
    public static Browser open(int port, String... extraArguments) {
        checkInstalled();
        Path profile = newProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options(profile, extraArguments));
        return new Browser(driver, profile, "http://localhost:" + port, () -> { });
    }

    /**
     * A fresh headless Chromium (same switches, throw-away profile) running INSIDE {@code namespace}, pointed at
     * {@code http://localhost:<port>}, where a bridge leads to the test's server in the main namespace.
     * chromedriver runs in the namespace too ({@code ip netns exec}); its port is bridged back to the main namespace
     * and driven with a {@link RemoteWebDriver}. Closing the browser stops chromedriver and its bridge.
     */
    public static Browser openIn(NetworkNamespaces.Namespace namespace, int port, String... extraArguments) {
        checkInstalled();
        namespace.reach(port);
        int driverPort = namespace.freePort();
        Process chromedriver = namespace.start("chromedriver-" + driverPort, CHROMEDRIVER.toString(),
                "--port=" + driverPort);
        NetworkNamespaces.Bridge bridge = null;
        Path profile = null;
        try {
            namespace.awaitTcpListening(chromedriver, driverPort);
            bridge = namespace.expose(driverPort);
            profile = newProfile();
            WebDriver driver = new RemoteWebDriver(URI.create("http://127.0.0.1:" + bridge.port()).toURL(),
                    options(profile, extraArguments));
            NetworkNamespaces.Bridge opened = bridge;
            return new Browser(driver, profile, "http://localhost:" + port, () -> {
                opened.close();
                chromedriver.destroy();
                chromedriver.waitFor(5, TimeUnit.SECONDS);
                chromedriver.destroyForcibly();
            });
        } catch (RuntimeException | MalformedURLException e) {
            if (bridge != null) bridge.close();
            chromedriver.destroyForcibly();
            if (profile != null) deleteProfile(profile);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private static void checkInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
    }

    private static Path newProfile() {
        try {
            return Files.createTempDirectory("telestation-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile directory", e);
        }
    }

    private static ChromeOptions options(Path profile, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=fr-FR", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        return options;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement find(String css) {
        return waitFor().until(d -> d.findElement(By.cssSelector(css)));
    }

    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /**
     * Clicks something that loads a new page (a form submit, a link) and waits until the old page is gone, so that
     * what is looked up next cannot be the old page's element of the same name (a stale element, or a false pass).
     */
    public Browser clickAndLoad(String css) {
        return clickAndLoad(find(css));
    }

    public Browser clickAndLoad(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        waitFor().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Signs in through the login form. */
    public Browser signIn(String username, String password) {
        go("/login").type("#username", username).type("#password", password).click("#login-form button[type=submit]");
        return this;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                afterQuit.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                deleteProfile(profile);
            }
        }
    }

    private static void deleteProfile(Path profile) {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
