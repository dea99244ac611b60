package org.telestation.devices.retinograph;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.telestation.devices.cli.CliOptions;
import org.telestation.devices.video.OtoscopeSimulator;
import org.telestation.devices.video.ValueNoise;

/**
 * A synthetic non-mydriatic retinograph: renders colour fundus photographs and drops them into an export folder the
 * way retinograph software does.
 * <p>
 * The picture: a 45°-style circular field on black, orange-red fundus with darker periphery and choroidal texture;
 * the optic disc (≈ 0.17 field radii across, pale cup) on the nasal side — right of centre for a right eye, left
 * for a left eye; the macula ≈ 2.5 disc diameters temporal to it, darker, with a foveal reflex; superior and
 * inferior temporal arcades (veins darker and wider than arteries) curving round the macula, nasal vessels and
 * random branches. Optional diabetic-retinopathy lesions: microaneurysms (small dark-red dots), hard exudates
 * (yellow spots clustered near the macula), blot haemorrhages.
 * <p>
 * Files: {@code FUNDUS_<time>_<OD|OG>_<n>.jpg|png}; laterality also in the image (JPEG comment or PNG tEXt
 * "Laterality"). Written under a {@code .part} name then renamed, or with {@code slow} in chunks with pauses, as a
 * copy over a network share would arrive. Faults: garbage bytes under an image name, a truncated JPEG, a duplicate.
 */
public final class FundusSimulator {
    public enum Lesion { MICROANEURYSMS, EXUDATES, HAEMORRHAGES }

    public enum Fault { GARBAGE, TRUNCATED, DUPLICATE }

    private final int size;
    private final long seed;

    /** @param size image width and height in pixels (fundus images are square here) */
    public FundusSimulator(int size, long seed) {
        if (size < 64 || size > 8192) throw new IllegalArgumentException("size must be 64–8192");
        this.size = size;
        this.seed = seed;
    }

    /**
     * Renders one photograph as 0xRRGGBB pixels.
     *
     * @param laterality "R" or "L"
     * @param variant    small changes of framing and branching between shots of the same eye
     */
    public int[] render(String laterality, Set<Lesion> lesions, int variant) {
        if (!"R".equals(laterality) && !"L".equals(laterality)) throw new IllegalArgumentException("laterality R or L");
        double side = "R".equals(laterality) ? 1 : -1; // +1: nasal side (disc) on the right of the image
        SplittableRandom rnd = new SplittableRandom(seed * 31 + variant * 7 + (long) side);
        ValueNoise noise = new ValueNoise(seed);
        double r = size * 0.47, cx = size / 2.0 + rnd.nextDouble(-0.02, 0.02) * size, cy = size / 2.0 + rnd.nextDouble(-0.02, 0.02) * size;
        double discU = 0.30 * side, discV = 0.0, discR = 0.085;
        double macU = discU - 0.42 * side, macV = 0.03, macR = 0.11;
        int[] px = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = (x - cx) / r, v = (y - cy) / r, d2 = u * u + v * v;
                if (d2 >= 1) {
                    px[y * size + x] = 0x050505;
                    continue;
                }
                double tex = noise.fractal(u * 9 + 50, v * 9 + 50);
                double light = (1.05 - 0.5 * d2) * (0.88 + 0.24 * tex);
                double red = 205 * light, green = 88 * light, blue = 38 * light;
                double dm = Math.hypot(u - macU, v - macV) / macR;
                if (dm < 1) {
                    double dark = 0.62 + 0.38 * dm * dm;
                    red *= dark;
                    green *= dark;
                    blue *= dark;
                    if (dm < 0.04) { red = 235; green = 190; blue = 150; } // foveal reflex
                }
                double dd = Math.hypot(u - discU, v - discV) / discR;
                if (dd < 1) {
                    double cup = dd < 0.45 ? 1 : 0;
                    double rim = 1 - 0.25 * dd * dd;
                    red = (236 + 14 * cup) * rim;
                    green = (178 + 50 * cup) * rim;
                    blue = (110 + 60 * cup) * rim;
                }
                double edge = d2 > 0.94 ? (1 - d2) / 0.06 : 1;
                px[y * size + x] = pack(red * edge, green * edge, blue * edge);
            }
        }
        Canvas c = new Canvas(px, size, cx, cy, r);
        for (int vs : new int[] {-1, 1}) { // superior (v<0) and inferior arcades
            for (int vein = 0; vein < 2; vein++) {
                double w = vein == 1 ? 0.022 : 0.016, off = vein == 1 ? 0.025 : -0.025;
                int colour = vein == 1 ? 0x7E1A14 : 0xAA2E1E;
                double[] arcade = {discU, discV + off * vs,
                        discU - 0.02 * side, vs * (0.48 + off),
                        macU + 0.05 * side, vs * (0.62 + off),
                        macU - 0.55 * side, vs * (0.45 + off)};
                c.bezier(arcade, w, 0.35, colour);
                for (int b = 0; b < 3; b++) { // branches off the arcade
                    double t = 0.35 + 0.2 * b + rnd.nextDouble(-0.05, 0.05);
                    double[] p = Canvas.point(arcade, t);
                    double du = rnd.nextDouble(0.1, 0.3) * -side, dv = vs * rnd.nextDouble(0.1, 0.3) * (b % 2 == 0 ? 1 : -0.6);
                    c.bezier(new double[] {p[0], p[1], p[0] + du * 0.5, p[1] + dv * 0.2, p[0] + du, p[1] + dv * 0.8,
                            p[0] + du * 1.4, p[1] + dv}, w * 0.55, 0.4, colour);
                }
                c.bezier(new double[] {discU, discV, discU + 0.04 * side, vs * (0.22 + off), discU + 0.22 * side, vs * (0.36 + off),
                        discU + 0.55 * side, vs * (0.52 + off)}, w * 0.7, 0.4, colour); // nasal vessels
            }
            for (int k = 0; k < 3; k++) { // small macular branches
                double su = macU + rnd.nextDouble(-0.1, 0.1), sv = vs * 0.25;
                c.bezier(new double[] {su, vs * 0.42, su, sv, su + 0.02, vs * 0.18, su + rnd.nextDouble(-0.05, 0.05),
                        vs * 0.16}, 0.004, 0.6, 0x9A2418);
            }
        }
        if (lesions.contains(Lesion.HAEMORRHAGES)) {
            for (int i = 0, n = rnd.nextInt(3, 7); i < n; i++) {
                double[] p = aroundMacula(rnd, macU, macV, 0.12, 0.45);
                c.disc(p[0], p[1], rnd.nextDouble(0.015, 0.028), 0x6E0E0A);
            }
        }
        if (lesions.contains(Lesion.MICROANEURYSMS)) {
            for (int i = 0, n = rnd.nextInt(8, 21); i < n; i++) {
                double[] p = aroundMacula(rnd, macU, macV, 0.06, 0.38);
                c.disc(p[0], p[1], 0.0045, 0x640806);
            }
        }
        if (lesions.contains(Lesion.EXUDATES)) {
            for (int cl = 0; cl < 2; cl++) {
                double[] centre = aroundMacula(rnd, macU, macV, 0.10, 0.25);
                for (int i = 0, n = rnd.nextInt(8, 16); i < n; i++) {
                    c.disc(centre[0] + rnd.nextDouble(-0.05, 0.05), centre[1] + rnd.nextDouble(-0.04, 0.04),
                            rnd.nextDouble(0.005, 0.012), 0xF0DC78);
                }
            }
        }
        return px;
    }

    private static double[] aroundMacula(SplittableRandom rnd, double mu, double mv, double min, double max) {
        double a = rnd.nextDouble(0, 2 * Math.PI), d = rnd.nextDouble(min, max);
        return new double[] {mu + d * Math.cos(a), mv + d * Math.sin(a)};
    }

    /** JPEG bytes with a "Laterality: R|L" comment segment right after SOI. */
    public byte[] jpeg(String laterality, Set<Lesion> lesions, int variant) throws IOException {
        byte[] plain = OtoscopeSimulator.jpeg(image(render(laterality, lesions, variant)), 0.92f);
        byte[] text = ("Laterality: " + laterality + " (Telestation fundus simulator)").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(plain.length + 4 + text.length);
        out.put(plain, 0, 2).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (text.length + 2)).put(text)
                .put(plain, 2, plain.length - 2);
        return out.array();
    }

    /** PNG bytes with a tEXt "Laterality" chunk right after IHDR. */
    public byte[] png(String laterality, Set<Lesion> lesions, int variant) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ImageIO.write(image(render(laterality, lesions, variant)), "png", buf);
        byte[] plain = buf.toByteArray();
        byte[] data = ("Laterality\0" + laterality).getBytes(StandardCharsets.ISO_8859_1);
        int afterIhdr = 8 + 12 + 13;
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        ByteBuffer out = ByteBuffer.allocate(plain.length + chunk.capacity());
        out.put(plain, 0, afterIhdr).put(chunk.array()).put(plain, afterIhdr, plain.length - afterIhdr);
        return out.array();
    }

    /**
     * Writes {@code bytes} into {@code folder} as {@code name}: under {@code name.part} then an atomic rename, or
     * with {@code slow} straight under the final name in 64 KiB pieces {@code pauseMs} apart.
     */
    public static Path drop(Path folder, String name, byte[] bytes, boolean slow, long pauseMs)
            throws IOException, InterruptedException {
        Path target = folder.resolve(name);
        if (!slow) {
            Path part = folder.resolve(name + ".part");
            Files.write(part, bytes);
            return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int off = 0; off < bytes.length; off += 65536) {
                out.write(bytes, off, Math.min(65536, bytes.length - off));
                out.flush();
                Thread.sleep(pauseMs);
            }
        }
        return target;
    }

    public static String fileName(LocalDateTime time, String laterality, int n, String extension) {
        return "FUNDUS_" + time.format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + ("R".equals(laterality) ? "OD" : "OG") + "_" + n + "." + extension;
    }

    private BufferedImage image(int[] px) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, size, size, px, 0, size);
        return img;
    }

    private static int pack(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) v;
    }

    /** Drawing in field coordinates (u, v in field radii from the centre). */
    private record Canvas(int[] px, int size, double cx, double cy, double r) {
        static double[] point(double[] b, double t) {
            double s = 1 - t;
            double u = s * s * s * b[0] + 3 * s * s * t * b[2] + 3 * s * t * t * b[4] + t * t * t * b[6];
            double v = s * s * s * b[1] + 3 * s * s * t * b[3] + 3 * s * t * t * b[5] + t * t * t * b[7];
            return new double[] {u, v};
        }

        /** A vessel along a cubic Bézier (8 numbers: 4 points), width tapering to {@code taper}× at the end. */
        void bezier(double[] b, double width, double taper, int rgb) {
            int steps = (int) Math.max(32, size * 1.5);
            for (int i = 0; i <= steps; i++) {
                double t = i / (double) steps;
                double[] p = point(b, t);
                disc(p[0], p[1], width / 2 * (1 - (1 - taper) * t), rgb);
            }
        }

        void disc(double u, double v, double radius, int rgb) {
            if (u * u + v * v >= 0.98) return; // stay inside the field
            double x0 = cx + u * r, y0 = cy + v * r, rp = Math.max(0.7, radius * r);
            for (int y = (int) Math.max(0, y0 - rp - 1); y <= Math.min(size - 1, y0 + rp + 1); y++) {
                for (int x = (int) Math.max(0, x0 - rp - 1); x <= Math.min(size - 1, x0 + rp + 1); x++) {
                    double d = Math.hypot(x - x0, y - y0);
                    if (d <= rp) px[y * size + x] = rgb;
                }
            }
        }
    }

    /**
     * {@code java -cp devices/target/classes org.telestation.devices.retinograph.FundusSimulator --out DIR
     * [--eye R|L|both] [--count N] [--size PX] [--format jpeg|png] [--lesions microaneurysms,exudates,haemorrhages]
     * [--seed N] [--interval-ms MS] [--slow-write] [--fault garbage|truncated|duplicate]}
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        CliOptions o = CliOptions.parse(args, Set.of("out", "eye", "count", "size", "format", "lesions", "seed",
                "interval-ms", "fault"), Set.of("slow-write"));
        if (o.help()) {
            System.out.println("""
                    Retinograph simulator: drops synthetic colour fundus photographs into an export folder.
                    usage: FundusSimulator --out DIR [--eye R|L|both (both)] [--count N per eye (2)]
                             [--size PX (1600)] [--format jpeg|png (jpeg)] [--seed N (1)] [--interval-ms MS (0)]
                             [--lesions microaneurysms,exudates,haemorrhages] [--slow-write]
                             [--fault garbage|truncated|duplicate]   (adds one bad file after the images)""");
            return;
        }
        Path out = o.requiredPath("out");
        Files.createDirectories(out);
        String eye = o.string("eye", "both").toUpperCase(Locale.ROOT);
        String format = o.string("format", "jpeg").toLowerCase(Locale.ROOT);
        int count = o.integer("count", 2), interval = o.integer("interval-ms", 0);
        boolean slow = o.flag("slow-write");
        Set<Lesion> lesions = EnumSet.noneOf(Lesion.class);
        for (String l : o.string("lesions", "").split(",")) {
            if (!l.isBlank()) lesions.add(Lesion.valueOf(l.trim().toUpperCase(Locale.ROOT)));
        }
        FundusSimulator sim = new FundusSimulator(o.integer("size", 1600), o.integer("seed", 1));
        LocalDateTime now = LocalDateTime.now();
        byte[] last = null;
        String lastEye = "R";
        int n = 0;
        for (String lat : eye.equals("BOTH") ? new String[] {"R", "L"} : new String[] {eye.substring(0, 1)}) {
            for (int i = 1; i <= count; i++) {
                byte[] bytes = format.equals("png") ? sim.png(lat, lesions, i) : sim.jpeg(lat, lesions, i);
                Path p = drop(out, fileName(now, lat, ++n, format.equals("png") ? "png" : "jpg"), bytes, slow, 50);
                System.out.println("dropped " + p + " (" + bytes.length + " bytes)");
                last = bytes;
                lastEye = lat;
                if (interval > 0) Thread.sleep(interval);
            }
        }
        String fault = o.string("fault", null);
        if (fault != null) {
            byte[] bad = switch (Fault.valueOf(fault.toUpperCase(Locale.ROOT))) {
                case GARBAGE -> garbage(o.integer("seed", 1));
                case TRUNCATED -> Arrays.copyOf(sim.jpeg(lastEye, lesions, 99), 20_000);
                case DUPLICATE -> last;
            };
            Path p = drop(out, fileName(now, lastEye, ++n, "jpg"), bad, false, 0);
            System.out.println("dropped fault " + fault + ": " + p);
        }
    }

    static byte[] garbage(long seed) {
        byte[] b = new byte[4096];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }
}
