/** How long a card QR code is valid and when the phone replaces it; apart from the signing code, which is heavier. */
export const CARD_TOKEN_TTL_SECONDS = 60
export const CARD_TOKEN_REFRESH_SECONDS = 30
