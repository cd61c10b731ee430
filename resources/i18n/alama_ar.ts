<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Alama</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="32" />
        <source>Who is annotating?</source>
        <translation>من يقوم بالتعليم؟</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="33" />
        <source>Your name. It decides whose layer you edit, and is shown at all times:</source>
        <translation>اسمك. يحدّد الطبقة التي تعدّلها، ويبقى ظاهراً طوال الوقت:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="41" />
        <source>Alama</source>
        <translation>علامة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="47" />
        <source>Label the selection %1 (%2); relabel the chosen span</source>
        <translation>وسم التحديد بـ %1 (%2)؛ أو تغيير وسم المقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="51" />
        <source>Label the exact characters selected (no snapping to words)</source>
        <translation>وسم الحروف المحدّدة كما هي (دون التوسّع إلى كلمات كاملة)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="52" />
        <source>Alt + drag</source>
        <translation>Alt + سحب</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="52" />
        <source>Select exact characters, e.g. a name after the proclitic و or ب</source>
        <translation>تحديد حروف بعينها، مثل اسم بعد السابقة و أو ب</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="53" />
        <source>Click a span</source>
        <translation>النقر على مقطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="53" />
        <source>Choose it; click again to cycle through nested spans</source>
        <translation>اختياره؛ والنقر مجدداً للتنقّل بين المقاطع المتداخلة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="54" />
        <source>Delete the chosen span</source>
        <translation>حذف المقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="55" />
        <source>Grow / shrink the chosen span at its left (end) edge by a word</source>
        <translation>توسيع / تضييق المقطع المختار من طرفه الأيسر (نهايته) بكلمة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="57" />
        <source>Grow / shrink the chosen span at its right (start) edge by a word</source>
        <translation>توسيع / تضييق المقطع المختار من طرفه الأيمن (بدايته) بكلمة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="58" />
        <source>… with Alt</source>
        <translation>… مع Alt</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="58" />
        <source>By one character instead of a word</source>
        <translation>بحرف واحد بدلاً من كلمة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="59" />
        <source>Clear the selection and the chosen span</source>
        <translation>إلغاء التحديد والمقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="60" />
        <source>Mark the document done and open the next one</source>
        <translation>تعليم المستند كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="61" />
        <source>Next / previous document</source>
        <translation>المستند التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="62" />
        <source>Find in this article</source>
        <translation>البحث في هذا المقال</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="63" />
        <source>Search all documents</source>
        <translation>البحث في كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="64" />
        <source>Undo / redo, also after switching documents</source>
        <translation>تراجع / إعادة، حتى بعد الانتقال بين المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="65" />
        <source>Zoom in / out / reset</source>
        <translation>تكبير / تصغير / الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="66" />
        <source>This sheet</source>
        <translation>هذه الصفحة</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../gui/qt_documents.py" line="53" />
        <source>to do</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location filename="../../gui/qt_documents.py" line="53" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_documents.py" line="54" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/qt_panels.py" line="112" />
        <source>Find in this article (ignores diacritics)</source>
        <translation>ابحث في هذا المقال (دون اعتبار للتشكيل)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_panels.py" line="139" />
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../gui/qt_panels.py" line="49" />
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/qt_main_window.py" line="71" />
        <source>Search all documents (ignores diacritics)</source>
        <translation>ابحث في كل المستندات (دون اعتبار للتشكيل)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="77" />
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="77" />
        <source>To do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="78" />
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="79" />
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="146" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="147" />
        <source>Open the demo</source>
        <translation>فتح المشروع التجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="148" />
        <source>Start screen…</source>
        <translation>شاشة البداية…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="149" />
        <source>Change annotator…</source>
        <translation>تغيير اسم المعلِّم…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="151" />
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="153" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="154" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="156" />
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="160" />
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="162" />
        <source>Find in article</source>
        <translation>بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="163" />
        <source>Search all documents</source>
        <translation>البحث في كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="165" />
        <source>&amp;Labels</source>
        <translation>&amp;الوسوم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="176" />
        <source>&amp;Document</source>
        <translation>&amp;المستند</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="177" />
        <source>Mark done and open the next</source>
        <translation>تعليم كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="179" />
        <source>Mark not done</source>
        <translation>إلغاء تعليم الإنجاز</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="180" />
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="182" />
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="185" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="186" />
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="187" />
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="188" />
        <source>Normal size</source>
        <translation>الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="190" />
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="198" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="199" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="247" />
        <source>That was the last document to do in this list.</source>
        <translation>كان هذا آخر مستند متبقٍّ في هذه القائمة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_main_window.py" line="264" />
        <source>%n document(s) contain it</source>
        <translation>
            <numerusform>لا مستند يحتويه</numerusform><numerusform>مستند واحد يحتويه</numerusform><numerusform>مستندان يحتويانه</numerusform><numerusform>%n مستندات تحتويه</numerusform><numerusform>%n مستنداً يحتويه</numerusform><numerusform>%n مستند يحتويه</numerusform></translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="284" />
        <source>Nothing to label: the selection holds only spaces or marks.</source>
        <translation>لا شيء للوسم: التحديد يحوي مسافات أو علامات فقط.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="290" />
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصاً أولاً، ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="292" />
        <source>Alama</source>
        <translation>علامة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="326" />
        <source>Spans in this article: %1</source>
        <translation>المقاطع في هذا المقال: %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="368" />
        <source>Annotator: %1</source>
        <translation>المعلِّم: %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="373" />
        <source>%1 / %2 done</source>
        <translation>أُنجز %1 من %2</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../gui/session.py" line="93" />
        <source>Label %1</source>
        <translation>وسم %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="123" />
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="141" />
        <source>Change %1</source>
        <translation>تعديل %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="161" />
        <source>Mark done</source>
        <translation>تعليم كمنجز</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="162" />
        <source>Mark not done</source>
        <translation>إلغاء تعليم الإنجاز</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="76" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="97" />
        <source>Alama — علامة</source>
        <translation>علامة — Alama</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="99" />
        <source>&lt;h2&gt;Alama — علامة&lt;/h2&gt;&lt;p&gt;Annotate Arabic news: actors, places and claims.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;علامة — Alama&lt;/h2&gt;&lt;p&gt;وسم الأخبار العربية: الفاعلون والأماكن والادعاءات.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="106" />
        <source>Open the demo</source>
        <translation>فتح المشروع التجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="107" />
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="108" />
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="114" />
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="127" />
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="128" />
        <source>Alama projects (*.alama)</source>
        <translation>مشاريع علامة (*.alama)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="134" />
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="135" />
        <source>Alama projects (*.alama);;All files (*)</source>
        <translation>مشاريع علامة (*.alama);;كل الملفات (*)</translation>
    </message>
</context>
</TS>