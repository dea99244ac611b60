package org.telestation.server.directory;

/**
 * RPPS numbers: 11 digits whose last digit is a Luhn check digit over the first ten. Pro Santé Connect carries them
 * as the national id {@code "8" + RPPS} (standards.md §5.8).
 */
public final class Rpps {

    private Rpps() {}

    public static boolean isValid(String rpps) {
        return rpps != null && rpps.length() == 11 && rpps.chars().allMatch(c -> c >= '0' && c <= '9')
                && luhnSum(rpps) % 10 == 0;
    }

    /** Appends the Luhn check digit to a 10-digit body (used for demo and test numbers). */
    public static String withCheckDigit(String body) {
        if (body == null || body.length() != 10 || !body.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("an RPPS body has 10 digits");
        }
        int check = (10 - luhnSum(body + "0") % 10) % 10;
        return body + check;
    }

    /** Luhn: from the right, every second digit is doubled and its digits summed. */
    private static int luhnSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum;
    }
}
