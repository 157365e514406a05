// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

// Two ways to make writes fail the way a full disk makes them fail, for the tests that check
// that no write path ever damages a user's file.

#include <QString>
#include <QTemporaryDir>

#include <csignal>
#include <sys/resource.h>

namespace GatherscopeTest {

//! While alive, every write of this process past \a bytes into any file fails (EFBIG, from the
//! kernel, at the same place as ENOSPC would): a full disk that needs no mount and no root.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes);
    ~FileSizeLimit();
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_previous{};
    void (*m_previousHandler)(int) = nullptr;
};

//! The same limit for a child process (QProcess::setChildProcessModifier): only
//! async-signal-safe calls, between fork and exec.
void limitFileSizeInChild(rlim_t bytes);

//! A real, small filesystem (tmpfs) mounted on a temporary folder, where this process may mount
//! one (root, outside a restricted container); isMounted() says whether it could.
class SmallDisk {
public:
    explicit SmallDisk(qint64 bytes);
    ~SmallDisk();
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    bool isMounted() const { return m_mounted; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    //! Fills the disk with a file of its own until only \a freeBytes are left.
    bool fillLeaving(qint64 freeBytes);

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

} // namespace GatherscopeTest
