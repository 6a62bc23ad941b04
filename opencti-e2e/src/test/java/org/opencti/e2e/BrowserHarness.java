package org.opencti.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright for Java. The browser is the system one ({@code opencti.chromium});
 * a missing browser fails the tests with the command that installs it.
 */
final class BrowserHarness implements AutoCloseable {
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic");

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    BrowserHarness() {
        Path chromium = Path.of(System.getProperty("opencti.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium))
            throw new IllegalStateException("No Chromium at " + chromium + "; install Debian's with "
                    + "'apt-get update && apt-get install -y chromium' or set -Dopencti.chromium=PATH");
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(FLAGS));
        screenshots = Path.of(System.getProperty("opencti.screenshots", "target/screenshots"));
    }

    /** A fresh browser profile: one agent's desktop. */
    BrowserContext newDesktop() { return browser.newContext(); }

    /** Saves a screenshot as a test artifact (target/screenshots), for a person to look at. */
    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    @Override public void close() {
        browser.close();
        playwright.close();
    }
}
