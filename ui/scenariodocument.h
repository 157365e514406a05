// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QDateTime>
#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

class ScenarioModel;

//! The edited scenario as a document: the file it lives in, opening and saving it, the recent
//! files and the window's caption. It asks nothing and shows nothing: the window does.
class ScenarioDocument : public QObject {
    Q_OBJECT
public:
    ScenarioDocument(ScenarioModel *model, QObject *parent = nullptr);

    //! The file, absolute; empty for a new scenario or a bundled example.
    QString path() const { return m_path; }
    //! `name[*] — Gatherscope`, for QWidget::setWindowTitle() with the modified mark.
    QString caption() const;
    //! True when the scenario has changed since it was opened or saved.
    bool isModified() const;
    //! The files opened or saved last, newest first.
    QStringList recentFiles() const;
    //! Puts \a path first among the recent files (a run file opened is one too).
    void remember(const QString &path);

    //! Loads \a pathOrName (a file, or a bundled scenario's name) into the model; the error
    //! message, or an empty string.
    QString open(const QString &pathOrName);
    //! Replaces the model's scenario with a new one holding one task.
    void startNew();
    //! Shows \a scenario as a new document, saved nowhere yet (a run file's: Save asks where,
    //! and never writes over the run).
    void adopt(const Gatherscope::Scenario &scenario);
    //! Why the model cannot be saved (the loader would refuse the file); empty when it can.
    QString unsavableReason() const;
    //! Saves atomically to \a path and makes it the document's file; the error, or empty.
    QString saveAs(const QString &path);
    //! Reads the document's file again, as it is on disk now; the error, or empty.
    QString reload();
    //! Another program wrote the file since this document last read or wrote it, and what it
    //! wrote is another scenario (or none that reads): a save would overwrite it. Asked before a
    //! save: the offer to reload may not have come yet (it waits for the writes to pause) or at
    //! all (a network share whose changes the system does not report). A file deleted is not
    //! changed: a save writes it again, as the offer says.
    bool fileChangedSinceRead() const;
    //! Keeps the scenario as it is in the editor after the file changed on disk: it no longer
    //! matches the file, so it counts as modified, and that change is not reported again.
    void keepOwnVersion();
    //! Loads \a copyFile, an autosaved copy of \a originalFile (empty: of a new scenario), as
    //! that file with unsaved changes; the error, or empty.
    //! An original written after \a copiedAt (the copy's last write, about when its program
    //! ended) changed after the crash: it is offered for reloading, and Save asks before it
    //! writes over it.
    QString recover(const QString &copyFile, const QString &originalFile,
                    const QDateTime &copiedAt = {});

Q_SIGNALS:
    //! Another program changed the document's file (\a stillThere), or deleted or moved it.
    //! Not emitted for this document's own saves, nor for a write that left the same scenario.
    void changedOnDisk(bool stillThere);
    //! The file holds the document's scenario again after changedOnDisk(): a program that
    //! writes in place empties the file first, then writes the same scenario back.
    void sameOnDiskAgain();
    //! Another scenario replaced the one before (opened, or new).
    void replaced();
    void captionChanged();
    void recentFilesChanged();

private:
    //! A file's size and time: a file that still has them was not written since.
    struct Stamp {
        qint64 size = -1;
        QDateTime modified;
        bool operator==(const Stamp &) const = default;
    };
    static Stamp stampOf(const QString &path);
    //! The document's file is \a path, holding \a onDisk when it had \a stamp.
    void setPath(const QString &path, std::shared_ptr<const Gatherscope::Scenario> onDisk,
                 Stamp stamp);
    //! The file holds m_onDisk, read as it is now.
    bool holdsOnDisk() const;
    //! Watches the file, or its folder while there is no file; whether the file is there.
    bool watchFile();
    void checkFile();

    ScenarioModel *m_model;
    QString m_path;
    //! The file's scenario as this document last read or wrote it, to tell another program's
    //! change from its own save (the watcher reports both); null if it could not be read.
    //! Kept while the file is deleted: written back as it was, it has nothing to offer.
    std::shared_ptr<const Gatherscope::Scenario> m_onDisk;
    //! The file is missing, and that was told (or it was missing from the start): not told
    //! again at each change in the folder watched meanwhile.
    bool m_missingTold = false;
    Stamp m_stamp; //!< the file's when it held m_onDisk (read, written, or found the same)
    QFileSystemWatcher m_watcher;
    //! The file is read once its writes pause: a writer that empties the file, then writes
    //! it, is reported once, as what it wrote.
    QTimer m_settle;
};
