// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "exceptioninfo.h"

#include "gathererrors.h"

#include <cxxabi.h>
#include <memory>
#include <typeinfo>

namespace Gatherscope {

namespace {

std::string demangle(const char *mangled)
{
    int status = 0;
    std::unique_ptr<char, void (*)(void *)> readable(
        abi::__cxa_demangle(mangled, nullptr, nullptr, &status), std::free);
    return status == 0 && readable ? std::string(readable.get()) : std::string(mangled);
}

} // namespace

ExceptionInfo describeException(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const PythonError &e) {
        return {e.typeName(), e.message(), e.emptyMessageIsArgument()};
    } catch (const std::exception &e) {
        return {demangle(typeid(e).name()), e.what()};
    } catch (...) {
        // typeid of an unknown exception: the ABI still knows the thrown type.
        const std::type_info *type = abi::__cxa_current_exception_type();
        return {type ? demangle(type->name()) : std::string("unknown exception"), std::string()};
    }
}

bool isCancellation(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const CancelledError &) {
        return true;
    } catch (...) {
        return false;
    }
}

} // namespace Gatherscope
