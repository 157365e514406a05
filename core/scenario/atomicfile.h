// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QByteArray>
#include <QSaveFile>
#include <QString>

namespace Gatherscope {

//! Writes a whole file so that a failure, a full disk included, never damages the file that was
//! there before: every write of the program (scenarios, traces, exports) goes through it.
/*!
 * QSaveFile alone is not enough: a file smaller than its buffer is written to disk only by
 * commit(), and Qt 6.4's commit() renames the temporary file over the old one without checking
 * that this last write succeeded, so a full disk leaves an empty or truncated file and reports
 * success. Here the buffer is flushed and checked first; on any error the temporary file is
 * discarded and the old file is left as it was.
 */
class AtomicFile {
public:
    explicit AtomicFile(const QString &path);

    //! Creates the temporary file beside the target, so that a path that cannot be written
    //! fails before any work is done. A target that exists and is not a regular file (a
    //! device such as /dev/null, a pipe, a folder), or that is this program's own standard
    //! output or error, is refused: replacing it would destroy it. False: see errorString().
    bool open();
    //! Writes \a bytes and replaces the target with them. False: the target is untouched and
    //! errorString() says why.
    bool commit(const QByteArray &bytes);
    //! `PATH: cannot be written: REASON` after a failed open() or commit().
    QString errorString() const { return m_error; }

private:
    bool failed(int error);
    bool refused(const QString &reason);

    QString m_path;
    QSaveFile m_file;
    QString m_error;
};

//! True if \a a and \a b name the same existing file (through links, other names, or `..`).
bool isSameFile(const QString &a, const QString &b);

//! Opens, writes and commits \a bytes to \a path; an empty string on success, else the error.
QString writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace Gatherscope
