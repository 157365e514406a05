// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

class ScenarioDocument;
class ScenarioModel;

//! Keeps a copy of the unsaved scenario on disk, so that a crash, a power cut or a `kill` loses
//! at most the last two seconds of editing; the next start offers it back.
/*!
 * Each window has its own slot in the folder: `<id>.json` (the scenario as Save writes it),
 * `<id>.origin` (the file it came from, empty for a new one) and `<id>.lock`, a QLockFile held
 * while the window lives. A slot whose lock is free belongs to a program that ended without
 * cleaning up: that is what orphans() finds. Writes go through writeFileAtomically(), so a
 * full disk or a crash during the write leaves the previous copy whole.
 */
class Autosave : public QObject {
    Q_OBJECT
public:
    //! An unsaved scenario left by a program that ended without saving it.
    struct Orphan {
        QString scenarioFile; //!< the copy, a scenario file
        QString originalFile; //!< where it came from; empty for a new scenario
        QDateTime lastChanged;
        void remove() const;
    };

    //! Where the copies go: the application's data folder, `autosave/`.
    static QString defaultFolder();
    //! The copies in \a folder that no running window holds, newest first.
    static std::vector<Orphan> orphans(const QString &folder);

    Autosave(ScenarioModel *model, ScenarioDocument *document, const QString &folder,
             QObject *parent = nullptr);
    //! Lets go of the slot's lock and leaves the copy, if any: a window closed as it should
    //! have called discard() first, so a copy left is one the next start should offer.
    ~Autosave() override;

    //! Writes the copy now if the scenario has unsaved changes, removes it if not; the error.
    QString writeNow();
    //! Removes the copy: the person saved, or chose to discard the changes.
    void discard();
    //! Milliseconds from the last change to the write.
    static constexpr int delayMs = 2000;

private:
    QString slotFile(const QString &suffix) const;

    ScenarioModel *m_model;
    ScenarioDocument *m_document;
    QString m_folder;
    QString m_id;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
};
