package org.unionstats.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian chromium, driven through its chromedriver: logs in to Superset, opens dashboards, takes screenshots. */
final class DashboardBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int WIDTH = 1600;

    /** What one dashboard showed: its charts, the errors on screen, whether it was still loading, and its text. */
    record Page(int charts, List<String> errors, boolean stillLoading, String text) {}

    private final ChromeDriver driver;
    private final String url;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    DashboardBrowser(String url) {
        this.url = url;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--window-size=" + WIDTH + ",1200", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
    }

    void logIn(String username, String password) {
        // The login page's own event-log request can answer after the sign-in and leave the anonymous session cookie:
        // Superset then sends the browser back to the login page, and signing in again succeeds.
        for (int attempt = 1; ; attempt++) {
            driver.get(url + "/login/");
            waitFor(() -> !driver.findElements(By.cssSelector("[data-test=\"username-input\"]")).isEmpty(), Duration.ofSeconds(60));
            driver.findElement(By.cssSelector("[data-test=\"username-input\"]")).sendKeys(username);
            driver.findElement(By.cssSelector("[data-test=\"password-input\"]")).sendKeys(password);
            driver.findElement(By.cssSelector("[data-test=\"login-button\"]")).click();
            if (waitFor(() -> !driver.getCurrentUrl().contains("/login"), Duration.ofSeconds(30)) && signedIn()) {
                return;
            }
            if (attempt == 3) {
                throw new IllegalStateException("still on Superset's login page after signing in 3 times as " + username);
            }
        }
    }

    /**
     * Whether the session the browser holds now is the user's: the late event-log answer can replace the signed-in cookie after
     * Superset has already sent the browser on, so the page having left the login form does not prove it.
     */
    private boolean signedIn() {
        // Superset answers 401 to an anonymous session; the browser is fresh, so a signed-in session is this user's. Asked twice, a
        // second apart, so that a late answer to the login page lands before the second question.
        return waitFor(() -> {
            try {
                if (fetch("/api/v1/me/").status() != 200) {
                    return false;
                }
                Thread.sleep(1000);
                return fetch("/api/v1/me/").status() == 200;
            } catch (WebDriverException e) {
                return false; // the page was still moving on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, Duration.ofSeconds(10));
    }

    /** Opens the dashboard, waits until every chart has loaded, saves a full-page screenshot. */
    Page open(String slug, Path screenshot) throws Exception {
        driver.manage().window().setSize(new Dimension(WIDTH, 1200));
        driver.get(url + "/superset/dashboard/" + slug + "/?standalone=1");
        waitFor(() -> !driver.findElements(By.cssSelector("[data-test=\"chart-grid-component\"]")).isEmpty(), Duration.ofSeconds(90));
        Thread.sleep(2000);
        boolean loaded = waitFor(() -> driver.findElements(By.cssSelector(".loading")).isEmpty(), Duration.ofMinutes(3));
        Thread.sleep(2000);
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.max(1200, height + 40)));
        Thread.sleep(1500);
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
        List<String> errors = driver.findElements(By.cssSelector("[role=alert], .ant-alert-error, [data-test=\"error-message\"]")).stream()
                .filter(WebElement::isDisplayed).map(e -> e.getText().strip()).toList();
        int charts = driver.findElements(By.cssSelector("[data-test=\"chart-grid-component\"]")).size();
        return new Page(charts, errors, !loaded, driver.findElement(By.tagName("body")).getText());
    }

    /** Opens a page of the server, e.g. to fetch from its origin. */
    void go(String path) {
        driver.get(url + path);
    }

    /** What the server answered the browser for a path: the status, the content type and the start of the body, as text. */
    record Fetched(int status, String contentType, String start) {}

    /** Asks the server for a path from the page open, with this browser's login (its session cookie), as a link click would. */
    Fetched fetch(String path) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type') || '',"
                        + " String.fromCharCode(...new Uint8Array(b.slice(0, 200)))])))"
                        + ".catch(e => done([-1, '', String(e)]));", path);
        return new Fetched(((Number) answer.get(0)).intValue(), (String) answer.get(1), (String) answer.get(2));
    }

    /** The targets of the links on the page open whose address starts with the prefix. */
    List<String> links(String prefix) {
        return driver.findElements(By.cssSelector("a[href^=\"" + prefix + "\"]")).stream().map(a -> a.getDomAttribute("href")).toList();
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
