<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../gui/qt_main_window.py" line="357"/>
        <source>%n document(s) contain it</source>
        <translation>
            <numerusform>%n document contains it</numerusform>
            <numerusform>%n documents contain it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_main_window.py" line="422"/>
        <source>%n agreed span(s) accepted into gold.</source>
        <translation>
            <numerusform>%n agreed span accepted into gold.</numerusform>
            <numerusform>%n agreed spans accepted into gold.</numerusform>
        </translation>
    </message>
</context>
</TS>
