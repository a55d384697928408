#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

namespace cchc::cli {

namespace fs = std::filesystem;

namespace {

// Writes all of `text` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

[[noreturn]] void fail(const std::string& path, int error, Lang lang) {
  throw std::runtime_error(std::string(tr(lang, "không ghi được ", "cannot write ")) + path + ": " +
                           std::strerror(error));
}

void refuse_inputs(const std::string& path, const std::vector<std::string>& inputs, Lang lang) {
  for (const std::string& input : inputs) {
    std::error_code error;
    if (fs::equivalent(path, input, error) && !error) {
      throw std::runtime_error(
          fmt::format(fmt::runtime(tr(lang, "không ghi đè lên tệp đầu vào: -o {} chính là tệp {}",
                                      "refusing to overwrite an input file: -o {} is the same file as {}")),
                      path, input));
    }
  }
}

void write_directly(std::string_view text, const std::string& path, Lang lang) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    fail(path, errno, lang);
  }
  const int error = write_all(fd, text);
  const int closed = ::close(fd);
  if (error != 0) {
    fail(path, error, lang);
  }
  if (closed != 0) {
    fail(path, errno, lang);
  }
}

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666 & ~mask);
}

void write_atomically(std::string_view text, const std::string& path, Lang lang) {
  fs::path target = path;
  std::error_code error;
  if (fs::is_symlink(fs::symlink_status(target, error))) {
    target = fs::weakly_canonical(target, error);
    if (error) {
      fail(path, error.value(), lang);
    }
  }
  mode_t mode = new_file_mode();
  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0) {
    mode = static_cast<mode_t>(existing.st_mode & 07777);
  }
  fs::path folder = target.parent_path();
  if (folder.empty()) {
    folder = ".";
  }
  std::string temp = (folder / std::string(".").append(target.filename().string()).append(".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    fail(path, errno, lang);
  }
  int failure = write_all(fd, text);
  if (failure == 0 && ::fchmod(fd, mode) != 0) {
    failure = errno;
  }
  if (failure == 0 && ::fsync(fd) != 0) {
    failure = errno;
  }
  if (::close(fd) != 0 && failure == 0) {
    failure = errno;
  }
  if (failure == 0 && ::rename(temp.c_str(), target.c_str()) != 0) {
    failure = errno;
  }
  if (failure != 0) {
    ::unlink(temp.c_str());
    fail(path, failure, lang);
  }
  // Make the rename itself durable; a failure here loses nothing written.
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace

void write_output(std::string_view text, const std::string& path, const std::vector<std::string>& inputs, Lang lang) {
  if (path.empty()) {
    const int error = write_all(STDOUT_FILENO, text);
    if (error != 0) {
      throw std::runtime_error(
          std::string(tr(lang, "không ghi được ra đầu ra chuẩn: ", "cannot write to standard output: ")) +
          std::strerror(error));
    }
    return;
  }
  refuse_inputs(path, inputs, lang);
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (fs::is_directory(status)) {
    throw std::runtime_error(std::string(tr(lang, "không ghi được ", "cannot write ")) + path +
                             std::string(tr(lang, ": đây là một thư mục", ": it is a folder")));
  }
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    write_directly(text, path, lang);
    return;
  }
  write_atomically(text, path, lang);
}

}  // namespace cchc::cli
