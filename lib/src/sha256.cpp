#include "cchc/sha256.hpp"

#include <sha2.h>

#include <cstdint>

namespace cchc {

std::string sha256_hex(std::string_view bytes) {
  SHA2_CTX context;
  SHA256Init(&context);
  // libmd takes unsigned bytes; a char's object representation may be read
  // through unsigned char.
  SHA256Update(&context, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  std::uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256Final(digest, &context);
  constexpr char k_hex_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(std::size_t{2} * SHA256_DIGEST_LENGTH);
  for (const std::uint8_t byte : digest) {
    hex += k_hex_digits[byte >> 4];
    hex += k_hex_digits[byte & 0x0f];
  }
  return hex;
}

}  // namespace cchc
