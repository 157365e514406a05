// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "taskkinddelegate.h"

#include "scenariorules.h"
#include "taskcells.h"

#include <QComboBox>

using Gatherscope::TaskSpec;

QWidget *TaskKindDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    Q_UNUSED(option);
    Q_UNUSED(index);
    auto *combo = new QComboBox(parent);
    for (const auto kind : Gatherscope::ScenarioRules::kinds())
        combo->addItem(TaskCells::kindText(kind));
    // A choice is an edit: commit it at once, as a typed value is on Enter.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<TaskKindDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void TaskKindDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(std::max(0, combo->findText(index.data(Qt::EditRole).toString())));
}

void TaskKindDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentText(), Qt::EditRole);
}
