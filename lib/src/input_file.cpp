#include "cchc/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "localized.hpp"
#include "yaml_tree.hpp"

namespace cchc {

InputFile InputFile::parse(std::string_view text, std::string path, Lang lang, Checksum checksum) {
  InputFile file;
  file.m_document = std::make_shared<const detail::YamlDocument>(
      detail::parse_yaml(text, std::move(path), lang, checksum == Checksum::sha256));
  return file;
}

InputFile InputFile::read(const std::string& path, Lang lang, Checksum checksum) {
  return parse(read_input_bytes(path, lang), path, lang, checksum);
}

const std::string& InputFile::path() const {
  return m_document->path;
}
const std::string& InputFile::sha256() const {
  return m_document->sha256;
}
const std::string& InputFile::kind() const {
  return m_document->kind;
}

std::string InputFile::top_scalar(std::string_view key) const {
  const detail::YamlNode* node = m_document->root.find(key);
  return node != nullptr && node->is_scalar() ? node->text : std::string();
}

SourcePos InputFile::top_position(std::string_view key) const {
  for (const detail::YamlEntry& entry : m_document->root.entries) {
    if (entry.key.text == key) {
      return entry.value.is_null() ? entry.key.pos : entry.value.pos;
    }
  }
  return m_document->root.pos;
}

namespace {

[[noreturn]] void fail(const std::string& path, Lang lang, std::string_view vi, std::string_view en, int error_number) {
  throw InputError(path, detail::say(lang, vi, en, std::strerror(error_number)));
}

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int get() const { return m_fd; }

 private:
  int m_fd;
};

}  // namespace

std::string read_input_bytes(const std::string& path, Lang lang) {
  // O_NONBLOCK: opening a FIFO that nobody writes to would wait forever;
  // this way it reads as empty. Reads block again below (a pipe from
  // `<(command)` is read to its end).
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    fail(path, lang, "không đọc được tệp: {}", "cannot read the file: {}", errno);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    fail(path, lang, "không đọc được tệp: {}", "cannot read the file: {}", errno);
  }
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0) {
    fail(path, lang, "không đọc được tệp: {}", "cannot read the file: {}", errno);
  }
  if (S_ISDIR(info.st_mode)) {
    throw InputError(
        path, std::string(tr(lang, "đây là một thư mục, không phải một tệp", "this is a directory, not a file")));
  }
  const auto too_large = [&](std::size_t size) {
    return InputError(path, detail::say(lang, "tệp quá lớn ({} byte): giới hạn là 16 MiB",
                                        "the file is too large ({} bytes): the limit "
                                        "is 16 MiB",
                                        size));
  };
  if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > k_max_file_size) {
    throw too_large(static_cast<std::size_t>(info.st_size));
  }
  // Read in chunks: pipes and special files have no size, and the limit
  // must hold for them too.
  std::string bytes;
  char chunk[65536];
  for (;;) {
    const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail(path, lang, "không đọc được tệp: {}", "cannot read the file: {}", errno);
    }
    if (n == 0) {
      break;
    }
    bytes.append(chunk, static_cast<std::size_t>(n));
    if (bytes.size() > k_max_file_size) {
      throw too_large(bytes.size());
    }
  }
  return bytes;
}

}  // namespace cchc
