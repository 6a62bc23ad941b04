package org.opencti.store.customer;

import java.util.Optional;

/**
 * The part of a phone number that identifies it whatever form it was written or dialled in: its last 9 digits,
 * or all its digits when it has fewer. Punctuation, spaces and a leading {@code +} are ignored.
 *
 * <p>Nine digits is the national significant number in France, Spain, Belgium and several other countries, and
 * the tail of longer ones (UK, US, Germany), so a national form ({@code 0612345678}), an international form
 * ({@code +33612345678}) and a form with an international prefix ({@code 0033612345678}) of one number share a
 * key. Two numbers of different countries that end in the same 9 digits share it too: a lookup may find several
 * customers, and the caller decides.
 */
public record PhoneKey(String digits) {
    public static final int SIGNIFICANT_DIGITS = 9;

    public PhoneKey {
        if (digits == null || digits.isEmpty() || digits.length() > SIGNIFICANT_DIGITS || !digits.chars().allMatch(Character::isDigit))
            throw new IllegalArgumentException("A phone key is 1 to " + SIGNIFICANT_DIGITS + " digits, got '" + digits
                    + "'; build it with PhoneKey.of(number)");
    }

    /** The key of a number as written anywhere; empty when it holds no digit at all. */
    public static Optional<PhoneKey> of(String phoneNumber) {
        if (phoneNumber == null) return Optional.empty();
        StringBuilder digits = new StringBuilder(phoneNumber.length());
        for (int i = 0; i < phoneNumber.length(); i++) {
            char c = phoneNumber.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
        }
        if (digits.isEmpty()) return Optional.empty();
        int from = Math.max(0, digits.length() - SIGNIFICANT_DIGITS);
        return Optional.of(new PhoneKey(digits.substring(from)));
    }

    /** The key's digits, or null for a number without digits: the value stored in a {@code *_normalised} column. */
    public static String columnValue(String phoneNumber) {
        return of(phoneNumber).map(PhoneKey::digits).orElse(null);
    }
}
