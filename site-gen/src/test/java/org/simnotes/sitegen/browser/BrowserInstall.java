package org.simnotes.sitegen.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Chromium (or Chrome) and its chromedriver are on this machine: the {@code simnotes.chromium} and
 * {@code simnotes.chromedriver} properties when set, else the usual places on Linux, macOS and Windows,
 * else the {@code PATH}.
 */
record BrowserInstall(Path browser, Path driver) {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    static Optional<BrowserInstall> find() {
        Optional<Path> browser = first(System.getProperty("simnotes.chromium"), browserPlaces(),
                List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"));
        Optional<Path> driver = first(System.getProperty("simnotes.chromedriver"), driverPlaces(), List.of("chromedriver"));
        return browser.isPresent() && driver.isPresent() ? Optional.of(new BrowserInstall(browser.get(), driver.get())) : Optional.empty();
    }

    /** What was looked for, for the notice of a skipped test. */
    static String lookedFor() {
        return "no Chromium or Chrome with its chromedriver found (set -Dsimnotes.chromium and -Dsimnotes.chromedriver, "
                + "or on Debian: apt-get install chromium chromium-driver)";
    }

    private static List<String> browserPlaces() {
        List<String> places = new ArrayList<>(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"));
        for (String root : new String[] {System.getenv("ProgramFiles"), System.getenv("ProgramFiles(x86)"), System.getenv("LOCALAPPDATA")}) {
            if (root != null) {
                places.add(root + "\\Google\\Chrome\\Application\\chrome.exe");
            }
        }
        return places;
    }

    private static List<String> driverPlaces() {
        return List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/opt/homebrew/bin/chromedriver", "/usr/local/bin/chromedriver");
    }

    private static Optional<Path> first(String chosen, List<String> places, List<String> onPath) {
        if (chosen != null) {
            return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        }
        for (String place : places) {
            Path p = Path.of(place);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            for (String name : onPath) {
                Path p = Path.of(dir, WINDOWS ? name + ".exe" : name);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
