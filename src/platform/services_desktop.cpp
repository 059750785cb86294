// The desktop's platform services: the session in a file under the user's data folder,
// downloads written to ~/Downloads (or the current folder); files come from --import and drops
// on the window (runner_desktop.cpp), there is no picker.
#include "platform/services.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace platform {

namespace fs = std::filesystem;

namespace {
fs::path dataFolder() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "ahp-survey";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/ahp-survey";
    return fs::current_path() / ".ahp-survey";
}

}  // namespace

void writeFileAtomically(const std::string& pathText, const std::string& bytes) {
    const fs::path path(pathText);
    const fs::path temporary = path.string() + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) throw std::runtime_error("cannot write " + temporary.string());
        file.write(bytes.data(), std::streamsize(bytes.size()));
        if (!file) throw std::runtime_error("cannot write " + temporary.string());
    }
    fs::rename(temporary, path);
}

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

std::string sessionLocation(const std::string& modelId, const std::string& hash) {
    return (dataFolder() / (modelId + "-" + hash + ".json")).string();
}

ui::PlatformServices makeServices() {
    ui::PlatformServices s;
    s.saveSession = [](const std::string& id, const std::string& hash, const std::string& text) {
        try {
            fs::create_directories(dataFolder());
            writeFileAtomically(sessionLocation(id, hash), text);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "ahp-app: could not save the session: %s\n", e.what());
            throw;  // the app tells the expert (PlatformServices::saveSession)
        }
    };
    s.loadSession = [](const std::string& id, const std::string& hash) { return readFile(sessionLocation(id, hash)); };
    s.clearSession = [](const std::string& id, const std::string& hash) {
        std::error_code ignored;
        fs::remove(sessionLocation(id, hash), ignored);
    };
    s.listSessions = [](const std::string& id, const std::string& prefix) {
        std::vector<std::string> slots;
        const std::string start = id + "-" + prefix, end = ".json";
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dataFolder(), ec)) {
            const std::string name = entry.path().filename().u8string();
            if (name.size() > start.size() + end.size() && name.compare(0, start.size(), start) == 0 &&
                name.compare(name.size() - end.size(), end.size(), end) == 0)
                slots.push_back(name.substr(id.size() + 1, name.size() - id.size() - 1 - end.size()));
        }
        return slots;
    };
    s.download = [](const std::string& name, const std::string& mime, const std::string& bytes) {
        (void)mime;
        fs::path folder = fs::current_path();
        if (const char* home = std::getenv("HOME"); home && *home) {
            std::error_code ec;
            if (fs::is_directory(fs::path(home) / "Downloads", ec)) folder = fs::path(home) / "Downloads";
        }
        const fs::path path = folder / fs::u8path(name);
        writeFileAtomically(path, bytes);
        return path.string();
    };
    return s;
}

}  // namespace platform
