// The page's window into the app: functions exported to JavaScript (for the page and for the
// end-to-end tests, which read the state and widget positions, then click like a person).
#pragma once

namespace ui { class App; }

namespace web_bridge {
void attach(ui::App* app);
void frameDrawn();  // counts frames; tells the page the first frame is on screen
}
