// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "atomicfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace Gatherscope {

AtomicFile::AtomicFile(const QString &path)
    : m_path(path)
    , m_file(path)
{}

namespace {

bool isSameInode(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

bool statPath(const QString &path, struct stat *info)
{
    return ::stat(QFile::encodeName(path).constData(), info) == 0;
}

//! Whether \a target is where this process's stdout or stderr goes (`/dev/stdout`, or the file
//! they were redirected to).
bool isOwnOutput(const struct stat &target)
{
    for (const int fd : {1, 2}) {
        struct stat output {};
        if (::fstat(fd, &output) == 0 && isSameInode(output, target))
            return true;
    }
    return false;
}

} // namespace

bool isSameFile(const QString &a, const QString &b)
{
    struct stat infoA {};
    struct stat infoB {};
    return statPath(a, &infoA) && statPath(b, &infoB) && isSameInode(infoA, infoB);
}

bool AtomicFile::open()
{
    if (m_file.isOpen())
        return true;
    struct stat target {};
    if (statPath(m_path, &target)) { // it exists (through any links)
        if (!S_ISREG(target.st_mode))
            return refused(QStringLiteral("not a regular file (a device, a pipe or a folder), "
                                          "which a save would replace"));
        if (isOwnOutput(target))
            return refused(QStringLiteral("it is where this program's own output goes"));
    }
    errno = 0;
    return m_file.open(QIODevice::WriteOnly) || failed(errno);
}

bool AtomicFile::refused(const QString &reason)
{
    m_error = QStringLiteral("%1: cannot be written: %2").arg(m_path, reason);
    return false;
}

bool AtomicFile::commit(const QByteArray &bytes)
{
    if (!open())
        return false;
    // flush() hands Qt's buffer to the kernel and reports ENOSPC and EFBIG, which commit()
    // would swallow; error() catches a failure of an earlier, unbuffered write.
    errno = 0;
    if (m_file.write(bytes) != bytes.size() || !m_file.flush() ||
        m_file.error() != QFileDevice::NoError)
        return failed(errno);
    return m_file.commit() || failed(errno);
}

bool AtomicFile::failed(int error)
{
    // After a short write Qt says "Unknown error"; the system's errno says what it was.
    const QString reason =
        error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : m_file.errorString();
    if (m_file.isOpen())
        m_file.cancelWriting();
    return refused(reason);
}

QString writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    AtomicFile file(path);
    return file.commit(bytes) ? QString() : file.errorString();
}

} // namespace Gatherscope
