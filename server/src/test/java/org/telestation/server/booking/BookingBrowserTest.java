package org.telestation.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.telestation.server.testsupport.Browser;

/**
 * Headless Chromium, used as people would: a patient books on the public page, the coordinator signs in and sees the
 * booking in the week agenda, the patient cancels with the code and the slot is offered again.
 */
class BookingBrowserTest extends BookingTestBase {

    private static final String COORDINATOR = "coordo-test";
    private static final String PASSWORD = "coordo-secret-42";

    @Autowired ScheduleService schedules;
    @Autowired PasswordEncoder passwords;

    Browser session;
    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        session = Browser.open(port);
        browser = session.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (session != null) session.close();
    }

    @Test
    void patientBooksCoordinatorSeesItPatientCancelsAndTheSlotIsFreeAgain() {
        CLOCK.set(MONDAY_8AM);
        UUID site = siteOpenWeekdayMornings(schedules);
        String siteName = "Salle " + site;

        // The patient chooses the place, the first free slot, and fills in the form.
        browser.get(url("/public/booking"));
        browser.findElement(By.cssSelector("a[data-place='" + site + "']")).click();
        var firstSlot = browser.findElement(By.cssSelector("input[name=slotId]"));
        String slotId = firstSlot.getAttribute("value");
        firstSlot.click();
        browser.findElement(By.id("birthFamilyName")).sendKeys("Navigateur");
        browser.findElement(By.id("birthGivenNames")).sendKeys("Élise Anne");
        // A date input takes the digits in the browser's locale order: set it the way a person's picker would.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('birthDate').value = '1988-02-29'");
        browser.findElement(By.cssSelector("#sex option[value=F]")).click();
        browser.findElement(By.id("phone")).sendKeys("06 01 02 03 04");
        browser.findElement(By.id("reason")).sendKeys("Éruption cutanée");
        browser.findElement(By.id("mtNone")).click();
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.id("book")).click();

        String code = browser.findElement(By.id("confirmation-code")).getText();
        assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(browser.getPageSource()).contains("Rendez-vous confirmé").contains(siteName);

        // The coordinator signs in and opens the week agenda of the site.
        signIn();
        browser.get(url("/agenda?site=" + site + "&week=2026-11-23"));
        var row = browser.findElement(By.cssSelector("tr[data-slot='" + slotId + "']"));
        assertThat(row.getText()).contains("NAVIGATEUR Élise").contains("Éruption cutanée").contains("En ligne");

        // The patient cancels with the code (typed in lower case, as people do).
        browser.manage().deleteAllCookies();
        browser.get(url("/public/booking/cancel"));
        browser.findElement(By.id("code")).sendKeys(code.toLowerCase());
        browser.findElement(By.id("cancel")).click();
        assertThat(browser.findElement(By.id("cancel-done")).getText()).contains("est annulé");

        // The slot is offered again on the public page.
        browser.get(url("/public/booking?place=" + site));
        assertThat(browser.findElements(By.cssSelector("input[name=slotId][value='" + slotId + "']"))).hasSize(1);
        assertThat(count("select count(*) from appointment where slot_id = ?::uuid and status = 'cancelled'", slotId))
                .isEqualTo(1);
    }

    /** Signs in through the real login page with a coordinator account made for this test. */
    private void signIn() {
        jdbc.update("insert into app_user(id, username, password_hash, display_name, role, created_at) "
                + "values (?, ?, ?, 'Coordination test', 'COORDINATOR', now()) on conflict (username) do nothing",
                UUID.randomUUID(), COORDINATOR, passwords.encode(PASSWORD));
        session.signIn(COORDINATOR, PASSWORD);
        session.waitFor().until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
