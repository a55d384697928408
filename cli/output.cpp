#include "output.hpp"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

// The named temporary file of the moment (at most one), removed by the
// handler of SIGINT, SIGTERM and SIGHUP before the signal is raised again.
// The handler does only what is async-signal-safe: unlink a path prepared
// beforehand, restore the default action and re-raise.
namespace {
char temp_to_remove[PATH_MAX];
volatile std::sig_atomic_t temp_armed = 0;
}  // namespace

extern "C" {
static void remove_temp_and_reraise(int signal_number) {
  if (temp_armed != 0) {
    ::unlink(temp_to_remove);
  }
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}
}

namespace cchc::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::array<int, 3> k_cleanup_signals{SIGINT, SIGTERM, SIGHUP};

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

std::string cannot_write(const std::string& path, Lang lang) {
  return words(lang, "không ghi được ", "cannot write ").append(path).append(": ");
}

[[noreturn]] void fail(const std::string& path, int error, Lang lang) {
  throw std::runtime_error(cannot_write(path, lang).append(std::strerror(error)));
}

[[noreturn]] void fail_folder(const std::string& path, Lang lang) {
  throw std::runtime_error(cannot_write(path, lang).append(tr(lang, "đây là một thư mục", "it is a folder")));
}

void refuse_inputs(const std::string& path, const std::vector<std::string>& inputs, Lang lang) {
  for (const std::string& input : inputs) {
    std::error_code error;
    if (fs::equivalent(path, input, error) && !error) {
      throw std::runtime_error(
          cannot_write(path, lang)
              .append(fmt::format(fmt::runtime(tr(lang, "không ghi đè lên tệp đầu vào (chính là tệp {})",
                                                  "refusing to overwrite an input file (the same file as {})")),
                                  input)));
    }
  }
}

// Blocks the cleanup signals in this thread for its lifetime, so that a named
// temporary file and the handler's record of it come and go together.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t blocked;
    sigemptyset(&blocked);
    for (const int signal_number : k_cleanup_signals) {
      sigaddset(&blocked, signal_number);
    }
    pthread_sigmask(SIG_BLOCK, &blocked, &m_previous);
  }
  ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t m_previous{};
};

// While it lives, SIGINT, SIGTERM and SIGHUP remove the named temporary file
// it was told of (`arm`, with the signals blocked) before ending the run as
// they would have. A signal that was ignored (`nohup`, `cmd &`) stays ignored.
class TempCleanup {
 public:
  TempCleanup() {
    struct sigaction action {};
    action.sa_handler = remove_temp_and_reraise;
    sigemptyset(&action.sa_mask);
    for (const int signal_number : k_cleanup_signals) {
      sigaddset(&action.sa_mask, signal_number);
    }
    for (std::size_t i = 0; i < k_cleanup_signals.size(); ++i) {
      struct sigaction previous {};
      if (::sigaction(k_cleanup_signals[i], nullptr, &previous) == 0 && previous.sa_handler == SIG_DFL &&
          (previous.sa_flags & SA_SIGINFO) == 0) {
        m_installed[i] = ::sigaction(k_cleanup_signals[i], &action, &m_previous[i]) == 0;
      }
    }
  }
  ~TempCleanup() {
    disarm();
    for (std::size_t i = 0; i < k_cleanup_signals.size(); ++i) {
      if (m_installed[i]) {
        ::sigaction(k_cleanup_signals[i], &m_previous[i], nullptr);
      }
    }
  }
  TempCleanup(const TempCleanup&) = delete;
  TempCleanup& operator=(const TempCleanup&) = delete;

  // Call with the signals blocked, right after `path` was created.
  static void arm(const std::string& path) {
    std::memcpy(temp_to_remove, path.c_str(), path.size() + 1);
    temp_armed = 1;
  }
  // Call with the signals blocked, right after the file was renamed or removed.
  static void disarm() { temp_armed = 0; }

 private:
  std::array<struct sigaction, k_cleanup_signals.size()> m_previous{};
  std::array<bool, k_cleanup_signals.size()> m_installed{};
};

// What `-o PATH` names once symlinks are followed.
struct Target {
  enum class Kind {
    descriptor,  // /dev/stdout, /dev/fd/N, /proc/self/fd/N: an open descriptor of this run
    special,     // an existing file that is not a regular file: a device, a named pipe
    regular,     // an existing regular file
    absent,      // nothing yet: a new file, or the missing target of a symlink
  };
  Kind kind = Kind::absent;
  int descriptor = -1;
  std::string folder;  // absolute, symlinks resolved
  std::string file;    // folder/name
  mode_t mode = 0;     // the permissions of an existing file
};

std::string real_path(const std::string& path) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) {
    return {};
  }
  std::string result = resolved;
  std::free(resolved);  // realpath allocates with malloc
  return result;
}

// Whether `folder` (resolved) is this process's folder of open descriptors.
bool is_descriptor_folder(const std::string& folder) {
  return folder == real_path("/proc/self/fd") || folder == real_path("/proc/thread-self/fd");
}

// The descriptor number that `name` spells ("1", "12"), or -1.
int descriptor_number(const std::string& name) {
  if (name.empty() || name.size() > 9 || name.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  return std::stoi(name);
}

std::string read_link(const std::string& link, const std::string& path, Lang lang) {
  std::string text(PATH_MAX, '\0');
  const ssize_t size = ::readlink(link.c_str(), text.data(), text.size());
  if (size < 0) {
    fail(path, errno, lang);
  }
  if (static_cast<std::size_t>(size) >= text.size()) {
    fail(path, ENAMETOOLONG, lang);
  }
  text.resize(static_cast<std::size_t>(size));
  return text;
}

// Follows `path` through its symlinks (their missing targets included) to
// the file it names. Throws when its folder does not exist or it is a folder.
Target resolve_target(const std::string& path, Lang lang) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {
    const std::size_t slash = current.rfind('/');
    const std::string name = slash == std::string::npos ? current : current.substr(slash + 1);
    if (name.empty() || name == "." || name == "..") {
      struct stat status {};
      if (::stat(current.c_str(), &status) != 0) {
        fail(path, errno, lang);
      }
      fail_folder(path, lang);
    }
    const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : current.substr(0, slash);
    Target target;
    target.folder = real_path(folder);
    if (target.folder.empty()) {
      fail(path, errno, lang);
    }
    if (is_descriptor_folder(target.folder) && descriptor_number(name) >= 0) {
      target.kind = Target::Kind::descriptor;
      target.descriptor = descriptor_number(name);
      return target;
    }
    target.file = target.folder == "/" ? target.folder : target.folder + "/";
    target.file.append(name);
    struct stat status {};
    if (::lstat(target.file.c_str(), &status) != 0) {
      if (errno != ENOENT) {
        fail(path, errno, lang);
      }
      target.kind = Target::Kind::absent;
      return target;
    }
    if (S_ISLNK(status.st_mode)) {
      const std::string link = read_link(target.file, path, lang);
      if (link.empty()) {
        fail(path, ENOENT, lang);
      }
      current = link.front() == '/' ? link : target.folder + "/" + link;
      continue;
    }
    if (S_ISDIR(status.st_mode)) {
      fail_folder(path, lang);
    }
    target.kind = S_ISREG(status.st_mode) ? Target::Kind::regular : Target::Kind::special;
    target.mode = static_cast<mode_t>(status.st_mode & 07777);
    return target;
  }
  fail(path, ELOOP, lang);
}

// `-o /dev/stdout`, `/dev/fd/N`: the descriptor the run was given, written
// where it stands (appended to after `>>`), as without -o.
void write_to_descriptor(std::string_view text, int descriptor, const std::string& path, Lang lang) {
  const int flags = ::fcntl(descriptor, F_GETFL);
  if (flags < 0) {
    fail(path, errno, lang);
  }
  if ((flags & O_ACCMODE) == O_RDONLY) {
    fail(path, EBADF, lang);
  }
  const int error = write_all(descriptor, text);
  if (error != 0) {
    fail(path, error, lang);
  }
}

void write_in_place(std::string_view text, const std::string& file, const std::string& path, Lang lang) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
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

// A short hidden name for a temporary file, whatever the length of the
// target's name: ".cchc-" and 8 random letters or digits (14 bytes).
std::string temp_name(const std::string& folder) {
  static constexpr std::string_view k_letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static std::random_device random;
  std::uniform_int_distribution<std::size_t> pick(0, k_letters.size() - 1);
  std::string name = folder == "/" ? "/.cchc-" : folder + "/.cchc-";
  for (int i = 0; i < 8; ++i) {
    name.push_back(k_letters[pick(random)]);
  }
  return name;
}

// Writes, sets the permissions, flushes to disk; returns 0 or the errno.
int fill(int fd, std::string_view text, mode_t mode) {
  int failure = write_all(fd, text);
  if (failure == 0 && ::fchmod(fd, mode) != 0) {
    failure = errno;
  }
  if (failure == 0 && ::fsync(fd) != 0) {
    failure = errno;
  }
  return failure;
}

// Makes the new name of a file durable; a failure here loses nothing written.
void sync_folder(const std::string& folder) {
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

// Gives the unnamed file `fd` (O_TMPFILE) the name `file`; returns 0 or the
// errno (EEXIST when `file` exists).
int link_unnamed(int fd, const std::string& file) {
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, file.c_str(), AT_SYMLINK_FOLLOW) == 0) {
    return 0;
  }
  const int error = errno;
  if (error != ENOENT || ::access("/proc/self/fd", F_OK) == 0) {
    return error;
  }
  // No /proc: AT_EMPTY_PATH, which needs CAP_DAC_READ_SEARCH before Linux 6.10.
  return ::linkat(fd, "", AT_FDCWD, file.c_str(), AT_EMPTY_PATH) == 0 ? 0 : errno;
}

bool cannot_link_unnamed(int error) {
  return error == ENOENT || error == EPERM || error == EOPNOTSUPP;
}

// A temporary name in the target's folder for a complete file, to be renamed
// over the target. From the moment it exists until it is renamed or removed,
// SIGINT, SIGTERM and SIGHUP remove it; it is removed if not renamed.
class TempName {
 public:
  TempName() = default;
  ~TempName() {
    if (!m_path.empty()) {
      const SignalsBlocked blocked;
      ::unlink(m_path.c_str());
      TempCleanup::disarm();
    }
  }
  TempName(const TempName&) = delete;
  TempName& operator=(const TempName&) = delete;

  // Calls make(name), which creates the file at `name` and returns 0, EEXIST
  // (then it is asked again with another name) or the errno of a failure.
  // Returns 0 or that errno.
  template <typename Make>
  int create(const std::string& folder, Make make) {
    int error = EEXIST;
    for (int attempt = 0; attempt < 100 && error == EEXIST; ++attempt) {
      const std::string name = temp_name(folder);
      if (name.size() >= sizeof temp_to_remove) {
        return ENAMETOOLONG;
      }
      const SignalsBlocked blocked;
      error = make(name);
      if (error == 0) {
        m_path = name;
        TempCleanup::arm(m_path);
      }
    }
    return error;
  }

  // Renames the file over `file`; returns 0 or the errno.
  int rename_to(const std::string& file) {
    const SignalsBlocked blocked;
    if (::rename(m_path.c_str(), file.c_str()) != 0) {
      return errno;
    }
    m_path.clear();
    TempCleanup::disarm();
    return 0;
  }

 private:
  TempCleanup m_cleanup;
  std::string m_path;
};

// Where O_TMPFILE is not supported: a named temporary file in the target's
// folder, written, flushed and renamed into place.
void write_through_named_file(std::string_view text, const Target& target, mode_t mode, const std::string& path,
                              Lang lang) {
  TempName temp;
  int fd = -1;
  int error = temp.create(target.folder, [&fd](const std::string& name) {
    fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    return fd < 0 ? errno : 0;
  });
  if (error != 0) {
    fail(path, error, lang);
  }
  error = fill(fd, text, mode);
  if (::close(fd) != 0 && error == 0) {
    error = errno;
  }
  if (error == 0) {
    error = temp.rename_to(target.file);
  }
  if (error != 0) {
    fail(path, error, lang);
  }
  sync_folder(target.folder);
}

// The name of a file in the target's folder made without one (O_TMPFILE),
// written and flushed: the target's if it is new, else a temporary name
// renamed over the existing file. Returns 0, or the errno of the failure and
// whether it means that such a file cannot be given a name here.
struct LinkResult {
  int error = 0;
  bool unsupported = false;
};

LinkResult name_unnamed_file(int fd, const Target& target) {
  if (target.kind == Target::Kind::absent) {
    const int error = link_unnamed(fd, target.file);
    if (error != EEXIST) {
      return {error, cannot_link_unnamed(error)};
    }
  }
  TempName temp;
  int error = temp.create(target.folder, [fd](const std::string& name) { return link_unnamed(fd, name); });
  if (error != 0) {
    return {error, cannot_link_unnamed(error)};
  }
  error = temp.rename_to(target.file);
  return {error, false};
}

// The text goes to a file without a name (O_TMPFILE) in the target's folder,
// which is flushed to disk, then named: a run killed while writing leaves
// nothing, since the kernel frees a file that has no name.
void write_atomically(std::string_view text, const Target& target, const std::string& path, Lang lang) {
  const mode_t mode = target.kind == Target::Kind::regular ? target.mode : new_file_mode();
  const int fd = ::open(target.folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL) {
      write_through_named_file(text, target, mode, path, lang);
      return;
    }
    fail(path, errno, lang);
  }
  const int failure = fill(fd, text, mode);
  const LinkResult linked = failure == 0 ? name_unnamed_file(fd, target) : LinkResult{failure, false};
  ::close(fd);
  if (linked.unsupported) {
    write_through_named_file(text, target, mode, path, lang);
    return;
  }
  if (linked.error != 0) {
    fail(path, linked.error, lang);
  }
  sync_folder(target.folder);
}

}  // namespace

void write_output(std::string_view text, const std::string& path, const std::vector<std::string>& inputs, Lang lang) {
  if (path.empty()) {
    const int error = write_all(STDOUT_FILENO, text);
    if (error != 0) {
      throw std::runtime_error(words(lang, "không ghi được ra đầu ra chuẩn: ", "cannot write to standard output: ")
                                   .append(std::strerror(error)));
    }
    return;
  }
  refuse_inputs(path, inputs, lang);
  const Target target = resolve_target(path, lang);
  switch (target.kind) {
    case Target::Kind::descriptor:
      write_to_descriptor(text, target.descriptor, path, lang);
      return;
    case Target::Kind::special:
      write_in_place(text, target.file, path, lang);
      return;
    case Target::Kind::regular:
    case Target::Kind::absent:
      write_atomically(text, target, path, lang);
      return;
  }
}

}  // namespace cchc::cli
