// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

class QAbstractItemModel;
class QTableView;
class QWidget;

//! A table view for a model that is read, not edited (results, console): whole rows selected,
//! no row numbers, compact rows, the last column stretched.
QTableView *makeReadOnlyTable(QAbstractItemModel *model, QWidget *parent);
