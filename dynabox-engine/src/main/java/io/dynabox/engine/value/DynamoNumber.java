package io.dynabox.engine.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A DynamoDB number: at most 38 significant digits, magnitude from 1E-130 up to but not
 * including 1E+126, held in canonical form (no leading or trailing zeros, no exponent, no
 * plus sign, no negative zero), so that {@code 1e3} and {@code 1000} are the same value.
 */
public final class DynamoNumber implements Comparable<DynamoNumber> {
    public static final int MAX_DIGITS = 38;
    /** Any number of this many digits fits a long. */
    private static final int MAX_LONG_DIGITS = 18;
    /** Largest power of ten a number may reach: magnitudes must stay below 1E+126. */
    private static final int MAX_EXPONENT = 125;
    /** Smallest power of ten allowed: 1E-130. */
    private static final int MIN_EXPONENT = -130;

    public static final DynamoNumber ZERO = new DynamoNumber(BigDecimal.ZERO);

    private final BigDecimal value;
    private String text;

    private DynamoNumber(BigDecimal normalized) {
        this.value = normalized;
    }

    /** The reason a text or a result is not a valid DynamoDB number. */
    public enum Problem {
        NOT_A_NUMBER("The parameter cannot be converted to a numeric value"),
        TOO_MANY_DIGITS("Attempting to store more than 38 significant digits in a Number"),
        OVERFLOW("Number overflow. Attempting to store a number with magnitude larger than supported range"),
        UNDERFLOW("Number underflow. Attempting to store a number with magnitude smaller than supported range");

        public final String message;

        Problem(String message) {
            this.message = message;
        }
    }

    /** Thrown when a text or a computed value is not a valid DynamoDB number; the message is the service's. */
    public static final class InvalidNumberException extends RuntimeException {
        public final Problem problem;

        InvalidNumberException(Problem problem, String message) {
            super(message, null, false, false);
            this.problem = problem;
        }

        InvalidNumberException(Problem problem) {
            this(problem, problem.message);
        }
    }

    /**
     * Parses a number as the service does: Java decimal syntax; then the range, judged by
     * the exponent as written (so {@code 0e126} overflows but {@code 0.0e126} is zero);
     * then the count of significant digits. The exponent is read as a 64-bit number, so
     * {@code 1e99999999999} overflows while an exponent past a long is not a number at all.
     *
     * <p>One pass over the text, and a BigDecimal only of the at most 38 significant digits:
     * building one from a text of a million digits costs seconds (its conversion grows with
     * the square of the length), and so does a backtracking regular expression.
     */
    public static DynamoNumber parse(String text) {
        int n = text.length();
        if (n == 0) throw new InvalidNumberException(Problem.NOT_A_NUMBER);
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            negative = text.charAt(0) == '-';
            i++;
        }
        int intStart = i;
        while (i < n && isDigit(text.charAt(i))) i++;
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && text.charAt(i) == '.') {
            fracStart = ++i;
            while (i < n && isDigit(text.charAt(i))) i++;
            fracEnd = i;
        }
        if (intEnd == intStart && fracEnd == fracStart) throw notANumber(text);
        long written = 0;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int expStart = ++i;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
            int expDigits = i;
            while (i < n && isDigit(text.charAt(i))) i++;
            if (i == expDigits || i != n) throw notANumber(text);
            try {
                written = Long.parseLong(text, expStart, n, 10);
            } catch (NumberFormatException e) {
                throw notANumber(text);
            }
        } else if (i != n) {
            throw notANumber(text);
        }
        // the first and last non-zero digits, as positions in the digits with the point left out
        int intLength = intEnd - intStart;
        int digitCount = intLength + (fracEnd - fracStart);
        int first = -1;
        int last = -1;
        for (int d = 0; d < digitCount; d++) {
            if (digitAt(text, d, intStart, intLength, fracStart) != '0') {
                if (first < 0) first = d;
                last = d;
            }
        }
        // the power of ten of the first digit as written; zero keeps the position it was written at
        long firstPower = first < 0 ? -(fracEnd - fracStart) : (long) intLength - 1 - first;
        long exponent;
        try {
            exponent = Math.addExact(firstPower, written);
        } catch (ArithmeticException e) {
            exponent = written > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        if (exponent > MAX_EXPONENT) throw new InvalidNumberException(Problem.OVERFLOW);
        if (exponent < MIN_EXPONENT) throw new InvalidNumberException(Problem.UNDERFLOW);
        if (first < 0) return ZERO;
        int significant = last - first + 1;
        if (significant > MAX_DIGITS) throw new InvalidNumberException(Problem.TOO_MANY_DIGITS);
        int scale = significant - 1 - (int) exponent;
        if (significant <= MAX_LONG_DIGITS) { // most numbers: their digits fit a long, and no BigInteger is made
            long unscaled = 0;
            for (int d = first; d <= last; d++) unscaled = unscaled * 10 + (digitAt(text, d, intStart, intLength, fracStart) - '0');
            return new DynamoNumber(BigDecimal.valueOf(negative ? -unscaled : unscaled, scale));
        }
        char[] digits = new char[significant];
        for (int d = first; d <= last; d++) digits[d - first] = digitAt(text, d, intStart, intLength, fracStart);
        BigInteger unscaled = new BigInteger(new String(digits));
        return new DynamoNumber(new BigDecimal(negative ? unscaled.negate() : unscaled, scale));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The digit at position {@code d} of the integer digits followed by the fraction digits. */
    private static char digitAt(String text, int d, int intStart, int intLength, int fracStart) {
        return d < intLength ? text.charAt(intStart + d) : text.charAt(fracStart + d - intLength);
    }

    private static InvalidNumberException notANumber(String text) {
        return new InvalidNumberException(Problem.NOT_A_NUMBER, Problem.NOT_A_NUMBER.message + ": " + text);
    }

    /**
     * Validates and normalizes the exact result of arithmetic. The service answers a result
     * that needs more than 38 digits with its overflow message.
     */
    public static DynamoNumber of(BigDecimal exact) {
        if (exact.signum() == 0) return ZERO;
        BigDecimal stripped = exact.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < MIN_EXPONENT) throw new InvalidNumberException(Problem.UNDERFLOW);
        if (exponent > MAX_EXPONENT || stripped.precision() > MAX_DIGITS) throw new InvalidNumberException(Problem.OVERFLOW);
        return new DynamoNumber(stripped);
    }

    public static DynamoNumber of(long value) {
        return of(BigDecimal.valueOf(value));
    }

    public BigDecimal bigDecimal() {
        return value;
    }

    public int signum() {
        return value.signum();
    }

    /** Significant digits of the canonical form (1 for zero). */
    public int significantDigits() {
        return value.signum() == 0 ? 1 : value.precision();
    }

    /** Power of ten of the leading digit: 0 for 1..9, 2 for 123, -1 for 0.5. */
    public int exponent() {
        return value.signum() == 0 ? 0 : value.precision() - value.scale() - 1;
    }

    public DynamoNumber add(DynamoNumber other) {
        return of(value.add(other.value));
    }

    public DynamoNumber subtract(DynamoNumber other) {
        return of(value.subtract(other.value));
    }

    @Override
    public int compareTo(DynamoNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamoNumber other && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.hashCode(); // canonical form: equal values have equal representations
    }

    /** The canonical text DynamoDB returns. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = value.signum() == 0 ? "0" : value.toPlainString();
            text = t;
        }
        return t;
    }
}
