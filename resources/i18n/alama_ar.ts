<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="171"/>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="172"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="173"/>
        <source>Settings and demo</source>
        <translation>الإعدادات والمشروع التجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="176"/>
        <source>Annotate Arabic news: actors, places and claims.</source>
        <translation>وسم الأخبار العربية: الفاعلون والأماكن والادعاءات.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="178"/>
        <source>Alama is free software under the MIT licence. The %1 font is under the %2; its text is shipped beside it.</source>
        <translation>«علامة» برنامج حرّ بترخيص MIT. والخط %1 مرخّص بـ%2، ونصّ الترخيص مرفق به.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../gui/actions.py" line="41"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="42"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="43"/>
        <source>&amp;Labels</source>
        <translation>&amp;الوسوم</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="44"/>
        <source>&amp;Suggestions</source>
        <translation>ا&amp;لاقتراحات</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="45"/>
        <source>&amp;Document</source>
        <translation>&amp;المستند</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="46"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="47"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="48"/>
        <source>&amp;Review</source>
        <translation>ال&amp;مراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="49"/>
        <source>&amp;Team</source>
        <translation>ال&amp;فريق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="50"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="68"/>
        <source>Undo %1</source>
        <translation>تراجع عن %1</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="69"/>
        <source>Redo %1</source>
        <translation>إعادة تنفيذ %1</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="71"/>
        <source>In review mode</source>
        <translation>في وضع المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="72"/>
        <source>While annotating</source>
        <translation>أثناء الوسم</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="74"/>
        <source>Label the selection %1 (%2); relabel the chosen span</source>
        <translation>وسم التحديد بـ«%1» (%2)، أو تغيير وسم المقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="75"/>
        <source>Link the chosen span: %1</source>
        <translation>ربط المقطع المختار: %1</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="76"/>
        <source>Link the chosen claim: %1 (%2); Tab chooses the span, Enter links, Esc cancels</source>
        <translation>ربط الادعاء المختار: %1 (%2)؛ Tab لاختيار المقطع، Enter للربط، Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="137"/>
        <source>Label the exact characters selected (no snapping to words)</source>
        <translation>وسم الحروف المحدّدة كما هي (دون التوسّع إلى كلمات كاملة)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="140"/>
        <source>Alt + drag</source>
        <translation>Alt + سحب</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="140"/>
        <source>Select exact characters, e.g. a name after the proclitic و or ب</source>
        <translation>تحديد حروف بعينها، مثل اسمٍ بعد السابقة «و» أو «ب»</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="143"/>
        <source>Click a span</source>
        <translation>النقر على مقطع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="143"/>
        <source>Choose it; click again to cycle through nested spans</source>
        <translation>اختياره؛ والنقر مجددًا للتنقّل بين المقاطع المتداخلة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="146"/>
        <source>Grow / shrink the chosen span at its left (end) edge by a word</source>
        <translation>توسيع / تضييق المقطع المختار من طرفه الأيسر (نهايته) بكلمة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="149"/>
        <source>Grow / shrink the chosen span at its right (start) edge by a word</source>
        <translation>توسيع / تضييق المقطع المختار من طرفه الأيمن (بدايته) بكلمة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="152"/>
        <source>… with Alt</source>
        <translation>… مع ⁦Alt⁩</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="153"/>
        <source>By one character instead of a word</source>
        <translation>بحرف واحد بدلًا من كلمة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="157"/>
        <source>Clear the selection and the chosen span</source>
        <translation>إلغاء التحديد والمقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="159"/>
        <source>Move a word; with Shift and no chosen span, select word by word</source>
        <translation>الانتقال كلمةً كلمة؛ ومع Shift ودون مقطع مختار: التحديد كلمةً كلمة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="162"/>
        <source>Review: accept the chosen span under that label, or relabel gold</source>
        <translation>المراجعة: قبول المقطع المختار بذلك الوسم، أو تغيير وسم مقطع في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="170"/>
        <source>Open the demo</source>
        <translation>فتح المشروع التجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="171"/>
        <source>Start screen…</source>
        <translation>شاشة البداية…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="172"/>
        <source>Change annotator…</source>
        <translation>تغيير المُوسِّم…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="174"/>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="176"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="177"/>
        <source>Merge…</source>
        <translation>دمج…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="178"/>
        <source>Merge annotators&apos; project files</source>
        <translation>دمج ملفات مشاريع المُوسِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="179"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="182"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="183"/>
        <source>Undo / redo, also after switching documents</source>
        <translation>تراجع / إعادة، حتى بعد الانتقال بين المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="185"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="187"/>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="189"/>
        <source>Delete the chosen span</source>
        <translation>حذف المقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="190"/>
        <source>Reject span</source>
        <translation>رفض المقطع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="192"/>
        <source>Review: reject the chosen span (out of gold)</source>
        <translation>المراجعة: رفض المقطع المختار (خارج الطبقة المرجعية)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="194"/>
        <source>Find in article</source>
        <translation>البحث في المستند</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="195"/>
        <source>Find in this article</source>
        <translation>البحث في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="196"/>
        <source>Search all documents</source>
        <translation>البحث في كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="198"/>
        <source>Next stance of the link</source>
        <translation>الموقف التالي للرابط</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="199"/>
        <source>Next stance of the chosen claim&apos;s link (asserts, denies, reports, questions)</source>
        <translation>الموقف التالي لرابط الادعاء المختار (يؤكد، ينفي، ينقل، يشكك)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="202"/>
        <source>Direct / indirect quote</source>
        <translation>اقتباس مباشر / غير مباشر</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="203"/>
        <source>The chosen claim&apos;s link: a direct or an indirect quote</source>
        <translation>رابط الادعاء المختار: اقتباس مباشر أو غير مباشر</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="205"/>
        <source>Next link</source>
        <translation>الرابط التالي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="206"/>
        <source>Next / previous link of the links list: its claim chosen, in view</source>
        <translation>الرابط التالي / السابق في قائمة الروابط: يُختار ادعاؤه ويُعرض</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="208"/>
        <source>Previous link</source>
        <translation>الرابط السابق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="210"/>
        <source>Unlink</source>
        <translation>فكّ الرابط</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="211"/>
        <source>Del on a chosen link</source>
        <translation>Del على رابط مختار</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="212"/>
        <source>Unlink the link chosen (L, or in the links list); in review, reject it</source>
        <translation>فكّ الرابط المختار (L، أو من قائمة الروابط)؛ وفي المراجعة: رفضه</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="215"/>
        <source>While linking: the next / previous span, nearest first</source>
        <translation>أثناء الربط: المقطع التالي / السابق، الأقرب أولاً</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="218"/>
        <location filename="../../gui/actions.py" line="223"/>
        <source>Mark done and open the next</source>
        <translation>إنجاز المستند وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="220"/>
        <source>Mark the document done and open the next one</source>
        <translation>إنجاز المستند وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="225"/>
        <source>Review: mark the document reviewed, open the next</source>
        <translation>المراجعة: إنهاء مراجعة المستند وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="227"/>
        <source>Mark not done</source>
        <translation>إلغاء الإنجاز</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="228"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="230"/>
        <source>Next / previous document</source>
        <translation>المستند التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="231"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="234"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="236"/>
        <source>Zoom in / out / reset</source>
        <translation>تكبير / تصغير / الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="237"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="239"/>
        <source>Normal size</source>
        <translation>الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="246"/>
        <source>Agreement…</source>
        <translation>الاتفاق بين المُوسِّمين…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="247"/>
        <source>Agreement dashboard</source>
        <translation>لوحة الاتفاق بين المُوسِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="248"/>
        <source>Review mode</source>
        <translation>وضع المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="249"/>
        <source>Review mode on / off (the gold layer)</source>
        <translation>تشغيل وضع المراجعة أو إيقافه (الطبقة المرجعية)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="251"/>
        <source>Accept span into gold</source>
        <translation>قبول المقطع في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="253"/>
        <source>Review: accept the chosen span into gold</source>
        <translation>المراجعة: قبول المقطع المختار في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="256"/>
        <source>Accept everything all annotators agree on</source>
        <translation>قبول كل ما اتّفق عليه جميع المُوسِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="258"/>
        <source>Review: accept everything all annotators agree on</source>
        <translation>المراجعة: قبول كل ما اتّفق عليه جميع المُوسِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="260"/>
        <source>Next disagreement</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="262"/>
        <source>Review: next / previous disagreement</source>
        <translation>المراجعة: الخلاف التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="264"/>
        <source>Previous disagreement</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="267"/>
        <source>Assign documents…</source>
        <translation>توزيع المستندات…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="268"/>
        <source>Assign documents to annotators, with an overlap</source>
        <translation>توزيع المستندات على المُوسِّمين، مع حصة مشتركة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="270"/>
        <source>Someone left: reassign their documents…</source>
        <translation>غادر أحدهم: إعادة توزيع مستنداته…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="271"/>
        <source>Save a copy for an annotator…</source>
        <translation>حفظ نسخة لمُوسِّم…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="273"/>
        <source>Hand out copies to everyone…</source>
        <translation>تسليم النسخ للجميع…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="275"/>
        <source>Collect copies…</source>
        <translation>جمع النسخ…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="276"/>
        <source>Collect the annotators&apos; copies, with a report</source>
        <translation>جمع نسخ المُوسِّمين، مع تقرير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="277"/>
        <source>Team progress</source>
        <translation>تقدّم الفريق</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="278"/>
        <source>Team progress: each annotator&apos;s documents and the agreement so far</source>
        <translation>تقدّم الفريق: مستندات كل مُوسِّم والاتفاق حتى الآن</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="280"/>
        <source>Import guidelines…</source>
        <translation>استيراد دليل الوسم…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="283"/>
        <source>Annotation guidelines</source>
        <translation>دليل الوسم</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="284"/>
        <source>The project&apos;s annotation guidelines</source>
        <translation>دليل الوسم الخاص بالمشروع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="286"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="287"/>
        <source>This sheet</source>
        <translation>هذه الصفحة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="288"/>
        <source>Arabic models…</source>
        <translation>النماذج العربية…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="289"/>
        <source>About Alama</source>
        <translation>عن «علامة»</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="38"/>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="39"/>
        <source>Accept the chosen suggestion</source>
        <translation>قبول الاقتراح المختار</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="40"/>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="41"/>
        <source>Reject the chosen suggestion: not suggested again in this document</source>
        <translation>رفض الاقتراح المختار: لن يُقترح ثانيةً في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="44"/>
        <source>Accept all of this label in the document</source>
        <translation>قبول كل اقتراحات هذا الوسم في المستند</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="45"/>
        <source>Accept every suggestion of the chosen one&apos;s label in this document</source>
        <translation>قبول كل اقتراح بوسم الاقتراح المختار في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="48"/>
        <source>With a suggestion chosen: accept / reject it</source>
        <translation>عند اختيار اقتراح: قبوله / رفضه</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="49"/>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="50"/>
        <source>Next / previous suggestion (while linking: the next span to link to)</source>
        <translation>الاقتراح التالي / السابق (أثناء الربط: المقطع التالي للربط به)</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="52"/>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="54"/>
        <source>Show suggestions</source>
        <translation>إظهار الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="56"/>
        <source>Show / hide the pending suggestions</source>
        <translation>إظهار الاقتراحات المنتظرة أو إخفاؤها</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="57"/>
        <source>Retrain the model now</source>
        <translation>إعادة تدريب النموذج الآن</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="59"/>
        <source>Suggest from a gazetteer file…</source>
        <translation>اقتراح من ملف قائمة أسماء…</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_actions.py" line="60"/>
        <source>Suggest the names of a gazetteer (text&lt;TAB&gt;label) or patterns file</source>
        <translation>اقتراح الأسماء الواردة في قائمة أسماء (نص&lt;TAB&gt;وسم) أو في ملف أنماط</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="51"/>
        <source>Mark this line as boilerplate</source>
        <translation>علّم هذا السطر نصًّا متكررًا</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="52"/>
        <source>Set the caret&apos;s line (or the selected lines) aside as boilerplate</source>
        <translation>اجعل سطر المؤشر (أو الأسطر المحددة) نصًّا متكررًا يُنحّى جانبًا</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="54"/>
        <source>Not boilerplate</source>
        <translation>ليس نصًّا متكررًا</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="55"/>
        <source>The caret&apos;s line (or the selected lines) is text</source>
        <translation>سطر المؤشر (أو الأسطر المحددة) من نص الخبر</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="57"/>
        <source>Boilerplate rules learnt…</source>
        <translation>قواعد النص المتكرر المستفادة…</translation>
    </message>
</context>
<context>
    <name>AgreementDashboard</name>
    <message>
        <location filename="../../gui/qt_agreement.py" line="156"/>
        <location filename="../../gui/qt_agreement.py" line="245"/>
        <source>Agreement</source>
        <translation>الاتفاق بين المُوسِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="165"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="173"/>
        <source>F1, exact match</source>
        <translation>F1، تطابق تام</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="174"/>
        <source>F1, overlap match</source>
        <translation>F1، تطابق بالتداخل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="175"/>
        <source>Cohen&apos;s kappa on tokens</source>
        <translation>كابا كوهين على الكلمات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="182"/>
        <source>Annotator pairs</source>
        <translation>أزواج المُوسِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="192"/>
        <source>Per label</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="197"/>
        <source>Disagreements</source>
        <translation>أنواع الخلافات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="202"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="202"/>
        <source>F1 exact</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="202"/>
        <source>F1 overlap</source>
        <translation>F1 بالتداخل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="202"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="208"/>
        <source>Documents, lowest agreement first (double-click opens)</source>
        <translation>المستندات، الأقل اتفاقًا أولًا (النقر المزدوج يفتح المستند)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="230"/>
        <source>– : nothing to compute it on. Pairs compare the documents both finished; alpha U and Fleiss&apos; kappa need annotators who finished every document counted here.</source>
        <translation>«–»: لا بيانات يُحسب منها. يقارن كل زوج المستندات التي أنجزها كلاهما؛ وتحتاج ألفا للتقطيع وكابا فلايس إلى مُوسِّمين أنجزوا كل المستندات المحتسبة هنا.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="258"/>
        <source>%1 (%2), %3.</source>
        <comment>annotators, their names, documents finished by two</comment>
        <translation>%1 (%2)، و%3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="259"/>
        <source>%n annotator(s)</source>
        <translation>
            <numerusform>لا مُوسِّمين</numerusform>
            <numerusform>مُوسِّم واحد</numerusform>
            <numerusform>مُوسِّمان</numerusform>
            <numerusform>%n مُوسِّمين</numerusform>
            <numerusform>%n مُوسِّمًا</numerusform>
            <numerusform>%n مُوسِّم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="261"/>
        <source>%n document(s) finished by at least two of them</source>
        <translation>
            <numerusform>لا مستندات أنجزها اثنان منهم على الأقل</numerusform>
            <numerusform>مستند واحد أنجزه اثنان منهم على الأقل</numerusform>
            <numerusform>مستندان أنجزهما اثنان منهم على الأقل</numerusform>
            <numerusform>%n مستندات أنجزها اثنان منهم على الأقل</numerusform>
            <numerusform>%n مستندًا أنجزها اثنان منهم على الأقل</numerusform>
            <numerusform>%n مستند أنجزها اثنان منهم على الأقل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="291"/>
        <source>Who made each claim (relations): F1 exact %1 · with the stance %2 · %3</source>
        <comment>relation agreement</comment>
        <translation>
            <numerusform>من قال كل ادعاء (العلاقات): F1 (تطابق تام) %1 · مع الموقف %2 · %3</numerusform>
            <numerusform>من قال كل ادعاء (العلاقات): F1 (تطابق تام) %1 · مع الموقف %2 · %3</numerusform>
            <numerusform>من قال كل ادعاء (العلاقات): F1 (تطابق تام) %1 · مع الموقف %2 · %3</numerusform>
            <numerusform>من قال كل ادعاء (العلاقات): F1 (تطابق تام) %1 · مع الموقف %2 · %3</numerusform>
            <numerusform>من قال كل ادعاء (العلاقات): F1 (تطابق تام) %1 · مع الموقف %2 · %3</numerusform>
            <numerusform>من قال كل ادعاء (العلاقات): F1 (تطابق تام) %1 · مع الموقف %2 · %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="296"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>لا علاقات</numerusform>
            <numerusform>علاقة واحدة</numerusform>
            <numerusform>علاقتان</numerusform>
            <numerusform>%n علاقات</numerusform>
            <numerusform>%n علاقةً</numerusform>
            <numerusform>%n علاقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_agreement.py" line="348"/>
        <source>%n document(s) both finished</source>
        <translation>
            <numerusform>لا مستندات أنجزها كلاهما</numerusform>
            <numerusform>مستند واحد أنجزه كلاهما</numerusform>
            <numerusform>مستندان أنجزهما كلاهما</numerusform>
            <numerusform>%n مستندات أنجزها كلاهما</numerusform>
            <numerusform>%n مستندًا أنجزها كلاهما</numerusform>
            <numerusform>%n مستند أنجزها كلاهما</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="265"/>
        <source>Not counted (nothing marked done): %1</source>
        <translation>لم يُحتسب (لم يُنجز أي مستند): %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="276"/>
        <source>Overall: F1 exact %1 ± %2 · F1 overlap %3 · alpha U %4 · Cohen&apos;s kappa %5 · Fleiss&apos; kappa %6 · Krippendorff&apos;s alpha %7</source>
        <translation>الإجمالي: F1 (تطابق تام) %1 ± %2 · F1 بالتداخل %3 · ألفا للتقطيع %4 · كابا كوهين %5 · كابا فلايس %6 · ألفا كريبندورف %7</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="305"/>
        <source>Boundary (same label, other offsets): %1
Label (same offsets, other label): %2
Boundary and label: %3
Missing (nothing there in the other layer): %4</source>
        <translation>الحدود (الوسم نفسه بحدود أخرى): %1
الوسم (الحدود نفسها بوسم آخر): %2
الحدود والوسم معًا: %3
مفقود (لا شيء في موضعه من الطبقة الأخرى): %4</translation>
    </message>
</context>
<context>
    <name>Alama</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="52"/>
        <location filename="../../gui/qt_dialogs.py" line="91"/>
        <source>Who is annotating?</source>
        <translation>من يقوم بالوسم؟</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="54"/>
        <source>«%1» looks like the existing annotator «%2». Use «%2»?</source>
        <translation>يشبه «%1» اسمَ المُوسِّم الموجود «%2». هل تقصد «%2»؟</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="59"/>
        <source>«%1» would be a new annotator whose layer starts empty.</source>
        <translation>سيكون «%1» مُوسِّمًا جديدًا تبدأ طبقته فارغة.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="64"/>
        <source>Use «%1»</source>
        <translation>استعمل «%1»</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="67"/>
        <source>Keep «%1» as a new annotator</source>
        <translation>أبقِ «%1» مُوسِّمًا جديدًا</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="93"/>
        <source>Your name. It decides whose layer you edit, and is shown at all times:</source>
        <translation>اسمك. يحدّد الطبقة التي تعدّلها، ويبقى ظاهرًا طوال الوقت:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="110"/>
        <source>If you have worked on this project, pick your name from the list: a new name starts an empty layer.</source>
        <translation>إن كنت قد عملت على هذا المشروع فاختر اسمك من القائمة: الاسم الجديد يبدأ طبقة فارغة.</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="183"/>
        <source>%1

The project is opened to be read: what you change is not saved.</source>
        <translation>%1

فُتح المشروع للقراءة فقط: ما تغيّره لا يُحفظ.</translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <location filename="../../gui/modes/annotating.py" line="48"/>
        <source>Spans in this article: %1</source>
        <translation>المقاطع في هذا المستند: %1</translation>
    </message>
    <message>
        <location filename="../../gui/modes/annotating.py" line="51"/>
        <source>Annotator: %1</source>
        <translation>المُوسِّم: %1</translation>
    </message>
    <message>
        <location filename="../../gui/modes/annotating.py" line="57"/>
        <source>%1 / %2 done</source>
        <translation>أُنجز %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/modes/annotating.py" line="60"/>
        <source>%1: in the gold layer (review mode shows it).</source>
        <translation>%1: في الطبقة المرجعية (تظهر في وضع المراجعة).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/modes/annotating.py" line="65"/>
        <source>Every document in this list is done; still to do outside it: %n.</source>
        <translation>
            <numerusform>أُنجزت كل مستندات هذه القائمة.</numerusform>
            <numerusform>أُنجزت كل مستندات هذه القائمة؛ وبقي خارجها مستند واحد لم يُنجز.</numerusform>
            <numerusform>أُنجزت كل مستندات هذه القائمة؛ وبقي خارجها مستندان لم يُنجزا.</numerusform>
            <numerusform>أُنجزت كل مستندات هذه القائمة؛ وبقيت خارجها %n مستندات لم تُنجز.</numerusform>
            <numerusform>أُنجزت كل مستندات هذه القائمة؛ وبقي خارجها %n مستندًا لم تُنجز.</numerusform>
            <numerusform>أُنجزت كل مستندات هذه القائمة؛ وبقي خارجها %n مستند لم تُنجز.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/modes/annotating.py" line="67"/>
        <source>All done: every document is marked done.</source>
        <translation>اكتمل العمل: أُنجزت كل المستندات.</translation>
    </message>
</context>
<context>
    <name>ArabicModelsPage</name>
    <message>
        <location filename="../../gui/qt_models.py" line="27"/>
        <source>Arabic models</source>
        <translation>النماذج العربية</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="35"/>
        <source>Copy the install command</source>
        <translation>انسخ أمر التثبيت</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="38"/>
        <source>Check again</source>
        <translation>افحص من جديد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="50"/>
        <source>Named entities</source>
        <translation>الكيانات المسمّاة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="51"/>
        <source>Finds people, organisations and places (AraBERT). Needs PyTorch.</source>
        <translation>يجد الأشخاص والمنظمات والأماكن (AraBERT). يحتاج إلى PyTorch.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="54"/>
        <source>Morphology</source>
        <translation>الصرف</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="55"/>
        <source>Analyses words into stems and clitics (CALIMA-MSA database).</source>
        <translation>يحلّل الكلمات إلى جذوع ولواصق (قاعدة بيانات CALIMA-MSA).</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="58"/>
        <source>Disambiguation</source>
        <translation>إزالة اللبس</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="59"/>
        <source>Picks each word&apos;s most likely analysis in context (MLE model).</source>
        <translation>يختار لكل كلمة أرجح تحليل لها في سياقها (نموذج MLE).</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="82"/>
        <source>Alama&apos;s own Arabic processing is built in: word edges, normalisation and the search that ignores diacritics, tatweel and hamza forms come from camel-tools %1, which needs no download. Everything in Alama works without the models below.</source>
        <translation>معالجة «علامة» للعربية مدمجة فيه: حدود الكلمات والتوحيد والبحث الذي يتجاهل التشكيل والتطويل وصور الهمزة، كلها من camel-tools %1، ولا تحتاج إلى أي تنزيل. كل ما في «علامة» يعمل دون النماذج أدناه.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="90"/>
        <source>camel-tools can also download trained models. They are optional: use them in your own scripts to pre-annotate articles, then import the result as JSONL (File ▸ Import…).</source>
        <translation>يستطيع camel-tools أيضًا تنزيل نماذج مدرّبة. وهي اختيارية: استعملها في برامجك الخاصة لوسم المقالات مسبقًا، ثم استورد النتيجة بصيغة JSONL (ملف ◂ استيراد…).</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="96"/>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="96"/>
        <source>Package</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="96"/>
        <source>On this machine</source>
        <translation>على هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="102"/>
        <source>installed</source>
        <translation>مثبّت</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="106"/>
        <source>not installed</source>
        <translation>غير مثبّت</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="112"/>
        <source>Data folder:</source>
        <translation>مجلد البيانات:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="115"/>
        <source>(chosen by CAMELTOOLS_DATA)</source>
        <translation>(يحدّده CAMELTOOLS_DATA)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="117"/>
        <source>(set CAMELTOOLS_DATA to use another folder)</source>
        <translation>(اضبط CAMELTOOLS_DATA لاستعمال مجلد آخر)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="123"/>
        <source>Every optional model is installed.</source>
        <translation>كل النماذج الاختيارية مثبّتة.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="126"/>
        <source>To install the rest, run this in a terminal (it downloads from the internet):</source>
        <translation>لتثبيت الباقي، شغّل هذا الأمر في الطرفية (ينزّل من الإنترنت):</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="134"/>
        <source>This installation of Alama has no %1, which the named-entity model runs on. Install camel-tools with pip in a Python of your own to use it.</source>
        <translation>هذا التثبيت من «علامة» لا يضم %1، وعليه يعمل نموذج الكيانات المسمّاة. لاستعماله ثبّت camel-tools بأداة pip في بيئة Python خاصة بك.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../gui/qt_team.py" line="90"/>
        <source>Assign documents</source>
        <translation>توزيع المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="99"/>
        <source>Documents nobody has finished</source>
        <translation>المستندات التي لم يُنجزها أحد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="100"/>
        <source>Every document</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="101"/>
        <source>Documents listed in a file…</source>
        <translation>المستندات المذكورة في ملف…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="106"/>
        <source>The overlap documents go to several annotators, for agreement; the others to one, balanced by length. Documents already assigned keep their annotators, and finished work never moves.</source>
        <translation>المستندات المشتركة تُعطى لأكثر من مُوسِّم لقياس الاتفاق، والباقي لمُوسِّم واحد بتوازن في طول النصوص. المستندات الموزَّعة من قبل تبقى لأصحابها، والعمل المنجز لا يُنقل أبداً.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="113"/>
        <source>Annotators (comma between names):</source>
        <translation>المُوسِّمون (فاصلة بين الأسماء):</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="114"/>
        <source>Overlap (share of documents):</source>
        <translation>الحصة المشتركة من المستندات:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="115"/>
        <source>Annotators per overlap document:</source>
        <translation>عدد المُوسِّمين لكل مستند مشترك:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="116"/>
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="117"/>
        <source>Documents:</source>
        <translation>المستندات:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="118"/>
        <source>Assign</source>
        <translation>وزِّع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="134"/>
        <source>Document ids to assign, one a line</source>
        <translation>معرّفات المستندات المراد توزيعها، واحد في كل سطر</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="136"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>ملفات نصية (*.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="148"/>
        <source>Documents listed in %1</source>
        <translation>المستندات المذكورة في %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="159"/>
        <source>Name at least one annotator.</source>
        <translation>اكتب اسم مُوسِّم واحد على الأقل.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="163"/>
        <source>Choose the file of document ids first.</source>
        <translation>اختر ملف معرّفات المستندات أولاً.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="171"/>
        <source>An overlap document goes to %1 annotators: name at least %1, or set the overlap to 0 %.</source>
        <translation>المستند المشترك يُعطى لـ%1 من المُوسِّمين: اكتب %1 أسماء على الأقل، أو اجعل الحصة المشتركة 0 %.</translation>
    </message>
</context>
<context>
    <name>BoilerplateCommands</name>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="130"/>
        <source>Put the caret on a line of text first.</source>
        <translation>ضع المؤشر على سطر من النص أولًا.</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="133"/>
        <source>Only the lead marks boilerplate, in the project itself.</source>
        <translation>لا يعلّم النص المتكرر إلا قائد الفريق، في المشروع نفسه.</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="149"/>
        <source>Marked as boilerplate.</source>
        <translation>عُلّم نصًّا متكررًا.</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="149"/>
        <source>Marked as text.</source>
        <translation>عُلّم نصًّا من الخبر.</translation>
    </message>
</context>
<context>
    <name>BusyFile</name>
    <message>
        <location filename="../../gui/busy.py" line="36"/>
        <source>Connected to the server again.</source>
        <translation>عاد الاتصال بالخادم.</translation>
    </message>
    <message>
        <location filename="../../gui/busy.py" line="38"/>
        <source>Disconnected from the server: retrying…</source>
        <translation>انقطع الاتصال بالخادم: تجري إعادة المحاولة…</translation>
    </message>
    <message>
        <location filename="../../gui/busy.py" line="52"/>
        <source>Disconnected from the server: your actions wait to be saved. Alama keeps trying.</source>
        <translation>انقطع الاتصال بالخادم: إجراءاتك تنتظر الحفظ، و«علامة» يواصل المحاولة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/busy.py" line="59"/>
        <source>The project file is busy (another program is writing to it): %n action(s) wait to be saved. Alama keeps trying.</source>
        <translation>
            <numerusform>ملف المشروع مشغول (يكتب فيه برنامج آخر)، و«علامة» يواصل المحاولة.</numerusform>
            <numerusform>ملف المشروع مشغول (يكتب فيه برنامج آخر): إجراء واحد ينتظر الحفظ، و«علامة» يواصل المحاولة.</numerusform>
            <numerusform>ملف المشروع مشغول (يكتب فيه برنامج آخر): إجراءان ينتظران الحفظ، و«علامة» يواصل المحاولة.</numerusform>
            <numerusform>ملف المشروع مشغول (يكتب فيه برنامج آخر): %n إجراءات تنتظر الحفظ، و«علامة» يواصل المحاولة.</numerusform>
            <numerusform>ملف المشروع مشغول (يكتب فيه برنامج آخر): %n إجراءً تنتظر الحفظ، و«علامة» يواصل المحاولة.</numerusform>
            <numerusform>ملف المشروع مشغول (يكتب فيه برنامج آخر): %n إجراء تنتظر الحفظ، و«علامة» يواصل المحاولة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/busy.py" line="69"/>
        <source>Saved: the project file is free again.</source>
        <translation>حُفظ كل شيء: ملف المشروع متاح من جديد.</translation>
    </message>
    <message>
        <location filename="../../gui/busy.py" line="77"/>
        <source>The project file is busy (another program is writing to it): your last action waits to be saved; try again once it is saved.</source>
        <translation>ملف المشروع مشغول (يكتب فيه برنامج آخر): إجراؤك الأخير ينتظر الحفظ؛ أعد المحاولة بعد حفظه.</translation>
    </message>
    <message>
        <location filename="../../gui/busy.py" line="96"/>
        <source>An action could not be saved and was dropped: %1</source>
        <translation>تعذّر حفظ إجراء فأُسقط: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/busy.py" line="138"/>
        <source>%n action(s) are not saved yet: another program is writing to the project file. Alama saves them as soon as it is free.</source>
        <translation>
            <numerusform>كل الإجراءات محفوظة.</numerusform>
            <numerusform>إجراء واحد لم يُحفظ بعد: برنامج آخر يكتب في ملف المشروع. وسيحفظه «علامة» حالما يصبح الملف متاحًا.</numerusform>
            <numerusform>إجراءان لم يُحفظا بعد: برنامج آخر يكتب في ملف المشروع. وسيحفظهما «علامة» حالما يصبح الملف متاحًا.</numerusform>
            <numerusform>%n إجراءات لم تُحفظ بعد: برنامج آخر يكتب في ملف المشروع. وسيحفظها «علامة» حالما يصبح الملف متاحًا.</numerusform>
            <numerusform>%n إجراءً لم تُحفظ بعد: برنامج آخر يكتب في ملف المشروع. وسيحفظها «علامة» حالما يصبح الملف متاحًا.</numerusform>
            <numerusform>%n إجراء لم تُحفظ بعد: برنامج آخر يكتب في ملف المشروع. وسيحفظها «علامة» حالما يصبح الملف متاحًا.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/busy.py" line="145"/>
        <source>Wait, then close</source>
        <translation>انتظر ثم أغلق</translation>
    </message>
    <message>
        <location filename="../../gui/busy.py" line="146"/>
        <source>Close without saving</source>
        <translation>أغلق دون حفظ</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../gui/server_open.py" line="99"/>
        <source>Connect to a server</source>
        <translation>الاتصال بخادم</translation>
    </message>
    <message>
        <location filename="../../gui/server_open.py" line="110"/>
        <source>User:</source>
        <translation>المستخدم:</translation>
    </message>
    <message>
        <location filename="../../gui/server_open.py" line="111"/>
        <source>Server:</source>
        <translation>الخادم:</translation>
    </message>
    <message>
        <location filename="../../gui/server_open.py" line="112"/>
        <source>Database:</source>
        <translation>قاعدة البيانات:</translation>
    </message>
    <message>
        <location filename="../../gui/server_open.py" line="113"/>
        <source>Address:</source>
        <translation>العنوان:</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <location filename="../../gui/qt_team.py" line="273"/>
        <source>Save a copy for an annotator</source>
        <translation>حفظ نسخة لمُوسِّم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="282"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="291"/>
        <source>The copy holds their documents (the overlap ones first), the labels and the guidelines, and opens as them. You can go on working meanwhile.</source>
        <translation>تحوي النسخة مستنداته (المشتركة أولاً) والوسوم ودليل الوسم، وتُفتح باسمه. يمكنك متابعة العمل في أثناء حفظها.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="297"/>
        <source>Annotator:</source>
        <translation>المُوسِّم:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="298"/>
        <source>Save as:</source>
        <translation>الحفظ في:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="299"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="329"/>
        <source>Nobody has documents assigned yet: Team ▸ Assign documents… first.</source>
        <translation>لم تُوزَّع مستندات على أحد بعد: ابدأ بـ الفريق ◂ توزيع المستندات…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="333"/>
        <source>Choose the file to write.</source>
        <translation>اختر الملف الذي تُحفظ فيه النسخة.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../gui/i18n.py" line="33"/>
        <source>%1 is busy: another person is writing the same rows</source>
        <translation>%1 مشغول: شخص آخر يكتب الصفوف نفسها</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="34"/>
        <source>the server refused this to %1: %2</source>
        <translation>رفض الخادم هذا لـ %1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="35"/>
        <source>the server refused this: %1</source>
        <translation>رفض الخادم هذا: %1</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="36"/>
        <source>%1 cannot be changed: it is opened only to be read</source>
        <translation>لا يمكن تغيير %1: فُتح للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="37"/>
        <source>the connection to %1 was lost: %2</source>
        <translation>انقطع الاتصال بـ %1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="38"/>
        <source>%1 answered: %2</source>
        <translation>ردّ %1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="39"/>
        <source>%1 was set up by an older Alama: ask the lead to run alama init %1</source>
        <translation>أُعدّ %1 بإصدار أقدم من «علامة»: اطلب من قائد الفريق تشغيل alama init %1</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="40"/>
        <source>%1 works on a project file, not on a server; use alama merge or alama handout from a file</source>
        <translation>%1 يعمل على ملف مشروع، لا على خادم؛ استعمل alama merge أو alama handout من ملف</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="44"/>
        <source>cutting a project down to one annotator&apos;s copy</source>
        <translation>اقتطاع نسخة مُوسِّم واحد من المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="45"/>
        <source>staging a merge source</source>
        <translation>تجهيز مصدر للدمج</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="46"/>
        <source>%1 is not a server address: %2</source>
        <translation>%1 ليس عنوان خادم: %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="47"/>
        <source>%1 cannot be collected: %2 %3 belongs to another document or annotator in %4</source>
        <translation>تعذّر جمع %1: %2 %3 يخصّ مستندًا آخر أو مُوسِّمًا آخر في %4</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="51"/>
        <source>empty file</source>
        <translation>ملف فارغ</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="52"/>
        <source>link to something outside the folder (not followed)</source>
        <translation>رابط إلى ما هو خارج المجلد (لم يُتَّبع)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="53"/>
        <source>not a file Alama imports</source>
        <translation>ليس ملفًا يستورده «علامة»</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="54"/>
        <source>not a %1 file</source>
        <translation>ليس ملفًا بصيغة %1</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="55"/>
        <source>span labelled %1 (dropped by --map)</source>
        <translation>مقطع موسوم بـ%1 (أسقطته إعادة تسمية الوسوم)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="56"/>
        <source>exact duplicate span in the same record</source>
        <translation>مقطع مكرّر تمامًا في السجل نفسه</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="57"/>
        <source>span already in that annotator&apos;s layer</source>
        <translation>مقطع موجود من قبل في طبقة ذلك المُوسِّم</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="58"/>
        <source>text-classification answer, not spans (its text is imported)</source>
        <translation>إجابة تصنيف للنص لا مقاطع (استُورد نصّه)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="59"/>
        <source>record of the gold layer (it is written only in review; alama merge carries it between projects)</source>
        <translation>سجل من الطبقة المرجعية (لا تُكتب إلا في المراجعة، وينقلها الدمج بين المشاريع)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="64"/>
        <source>relation in a format whose relations Alama does not read (its spans are imported)</source>
        <translation>علاقة في صيغة لا تقرأ «علامة» علاقاتها (استُوردت مقاطعها)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="67"/>
        <source>discontinuous brat span (fragments joined by &apos;;&apos;)</source>
        <translation>مقطع brat متقطّع (أجزاء تفصل بينها &apos;;&apos;)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="68"/>
        <source>brat relation (R line)</source>
        <translation>علاقة brat (سطر R)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="69"/>
        <source>brat event (E line)</source>
        <translation>حدث brat (سطر E)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="70"/>
        <source>brat attribute (A line)</source>
        <translation>سمة brat (سطر A)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="71"/>
        <source>brat attribute (M line)</source>
        <translation>سمة brat (سطر M)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="72"/>
        <source>brat normalization (N line)</source>
        <translation>تطبيع brat (سطر N)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="73"/>
        <source>brat note (# line)</source>
        <translation>ملاحظة brat (سطر #)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="74"/>
        <source>brat equivalence (* line)</source>
        <translation>تكافؤ brat (سطر *)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="75"/>
        <source>I- tag with no B- before it (read as the start of a span)</source>
        <translation>وسم ⁦I-⁩ لا يسبقه ⁦B-⁩ (قُرئ بدايةً لمقطع)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="76"/>
        <source>record with no text (only white space, or none)</source>
        <translation>سجلّ بلا نص (مسافات فقط، أو لا شيء)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="77"/>
        <source>INCEpTION&apos;s copy of an annotated document&apos;s source (its annotations are read)</source>
        <translation>نسخة INCEpTION من مصدر مستند موسوم (تُقرأ توسيماته)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="80"/>
        <source>WebAnno TSV chain link (Alama has no chains; the spans are imported)</source>
        <translation>حلقة سلسلة في WebAnno TSV (لا سلاسل في «علامة»؛ استُوردت المقاطع)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="83"/>
        <source>WebAnno TSV span with no value in the feature read as its label</source>
        <translation>مقطع في WebAnno TSV بلا قيمة في الخاصية التي تُقرأ وسمًا له</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="84"/>
        <source>WebAnno TSV zero-width annotation (a span holds at least one character)</source>
        <translation>توسيم بلا طول في WebAnno TSV (المقطع حرف واحد على الأقل)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="87"/>
        <source>WebAnno TSV annotation of another span layer (%1; Alama reads one: %2)</source>
        <translation>توسيم في طبقة مقاطع أخرى في WebAnno TSV ‏(%1؛ تقرأ «علامة» طبقة واحدة: %2)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="90"/>
        <source>span of INCEpTION&apos;s INITIAL_CAS file (the document as first imported)</source>
        <translation>مقطع في ملف INITIAL_CAS من INCEpTION (المستند كما استُورد أول مرة)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="93"/>
        <source>CoNLL-U sentence spaced as its &apos;# text =&apos; says, where SpaceAfter says otherwise</source>
        <translation>جملة CoNLL-U فُرّقت كلماتها كما يقول ‎&apos;# text =&apos;‎ حيث يقول SpaceAfter غير ذلك</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="96"/>
        <source>CoNLL-U sentence whose &apos;# text =&apos; does not hold its tokens (text from the tokens)</source>
        <translation>جملة CoNLL-U لا يحوي سطر ‎&apos;# text =&apos;‎ فيها كلماتها (أُخذ النص من الكلمات)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="99"/>
        <source>CoNLL-U Entity= value in CorefUD&apos;s brackets (coreference, not read as a tag)</source>
        <translation>قيمة ‎Entity=‎ بأقواس CorefUD في CoNLL-U (إحالة مشتركة، لا تُقرأ وسمًا)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="102"/>
        <source>CoNLL-U multiword token with two entities inside (read as the first)</source>
        <translation>كلمة مركّبة في CoNLL-U فيها كيانان (قُرئ الأول)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="105"/>
        <source>cancelled (skipped) Label Studio annotation</source>
        <translation>توسيم من Label Studio أُلغي (تُخطّي)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="106"/>
        <source>Label Studio %1 result (not a labelled span)</source>
        <translation>نتيجة %1 من Label Studio (ليست مقطعًا موسومًا)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="107"/>
        <source>Label Studio span on another text of the task (%1)</source>
        <translation>مقطع من Label Studio على نص آخر في المهمة (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="108"/>
        <source>span &quot;text&quot; left from before the span was snapped to tokens or words (Prodigy, Label Studio); its offsets are kept</source>
        <translation>نص المقطع (&quot;text&quot;) بقي من قبل ضبط المقطع على الكلمات (Prodigy، Label Studio)؛ أُبقيت مواضعه</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="114"/>
        <source>A person, group, state, army or organisation that acts or speaks</source>
        <translation>شخص أو جماعة أو دولة أو جيش أو منظمة، يفعل أو يتكلّم</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="115"/>
        <source>A named location: country, city, region, base, crossing, camp</source>
        <translation>موضع مسمّى: دولة أو مدينة أو منطقة أو قاعدة أو معبر أو مخيّم</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="116"/>
        <source>A statement attributed to someone: what is asserted, denied or reported</source>
        <translation>قول منسوب إلى أحد: ما يُؤكَّد أو يُنفى أو يُنقل</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="120"/>
        <source>spans with a label not chosen by --labels</source>
        <translation>مقاطع بوسوم لم تُختر للتصدير</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="121"/>
        <source>documents whose text before the first word is not spaces (written as spaces)</source>
        <translation>مستندات فيها قبل الكلمة الأولى ما ليس مسافات (كُتب مسافات)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="124"/>
        <source>spans trimmed to whole characters of words (WebAnno TSV addresses words only)</source>
        <translation>مقاطع قُصّت إلى حروف كاملة من الكلمات (لا يشير WebAnno TSV إلا إلى الكلمات)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="127"/>
        <source>spans over no word (WebAnno TSV addresses words only)</source>
        <translation>مقاطع لا تغطي أي كلمة (لا يشير WebAnno TSV إلا إلى الكلمات)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="128"/>
        <source>documents without words (WebAnno TSV holds text in sentences of words)</source>
        <translation>مستندات بلا كلمات (يحفظ WebAnno TSV النص جملًا من الكلمات)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="132"/>
        <source>unknown label %1 (the project has %2); rename with --map OLD=NEW or add with --add-labels</source>
        <translation>الوسم %1 ليس في المشروع (وسومه: %2). أعد تسميته في «إعادة تسمية الوسوم» أو اختر «إضافة الوسوم التي ليست في المشروع بعد».</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="136"/>
        <source>unknown labels %1 (the project has %2); rename with --map OLD=NEW or add with --add-labels</source>
        <translation>الوسوم %1 ليست في المشروع (وسومه: %2). أعد تسميتها في «إعادة تسمية الوسوم» أو اختر «إضافة الوسوم التي ليست في المشروع بعد».</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="141"/>
        <source>an annotator name cannot be empty</source>
        <translation>لا يمكن أن يكون اسم المُوسِّم فارغًا</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="142"/>
        <source>annotator name %1… is longer than 64 characters</source>
        <translation>اسم المُوسِّم %1… أطول من 64 حرفًا</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="143"/>
        <source>%1 cannot be an annotator name</source>
        <translation>لا يصلح %1 اسمًا لمُوسِّم</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="144"/>
        <source>%1 already exists</source>
        <translation>%1 موجود من قبل</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="145"/>
        <source>%1 is not a folder</source>
        <translation>%1 ليس مجلدًا</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="146"/>
        <source>%1: no such project (create one with: alama init %2)</source>
        <translation>%1: لا يوجد مشروع بهذا الاسم (أنشئ مشروعًا من «مشروع جديد…»)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="147"/>
        <source>%1 cannot be opened: %2</source>
        <translation>تعذّر فتح %1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="148"/>
        <source>%1 is a folder, not an Alama project</source>
        <translation>%1 مجلد، لا مشروع «علامة»</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="149"/>
        <source>%1 is not a regular file (a pipe or a device), not a project</source>
        <translation>%1 ليس ملفًا عاديًا (بل أنبوب أو جهاز)، فليس مشروعًا</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="150"/>
        <source>%1 is an empty file, not an Alama project</source>
        <translation>%1 ملف فارغ، لا مشروع «علامة»</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="151"/>
        <source>%1 is a file SQLite keeps beside a project, not a project</source>
        <translation>%1 ملف يحفظه ⁦SQLite⁩ بجوار مشروع، وليس مشروعًا</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="152"/>
        <source>%1 is damaged: the text of document %2 is not text (the file was changed by another program)</source>
        <translation>%1 تالف: نص المستند %2 ليس نصًا (غيّر برنامج آخر الملف)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="157"/>
        <source>%1 is damaged: its label %2 is not stored as text (the file was changed by another program)</source>
        <translation>%1 تالف: الوسم %2 غير محفوظ نصًا (غيّر برنامج آخر الملف)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="162"/>
        <source>%1 is an Alama project file, not a file to import (fold projects together with alama merge)</source>
        <translation>%1 ملف مشروع «علامة»، لا ملف للاستيراد (ادمج المشاريع من ملف ◂ دمج…)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="167"/>
        <source>%1 is busy: another program is writing to it</source>
        <translation>%1 مشغول: برنامج آخر يكتب فيه</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="168"/>
        <source>the disk is full: nothing was written to %1</source>
        <translation>القرص ممتلئ: لم يُكتب شيء في %1</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="169"/>
        <source>%1 cannot be changed: %2</source>
        <translation>لا يمكن تعديل %1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="170"/>
        <source>it is on a read-only disk</source>
        <translation>هو على قرص للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="171"/>
        <source>the disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="172"/>
        <source>its folder is read-only</source>
        <translation>مجلده للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="173"/>
        <source>the file is read-only</source>
        <translation>الملف للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="174"/>
        <source>%1 could not be read or written (disk I/O error)</source>
        <translation>تعذّرت قراءة %1 أو الكتابة فيه (خطأ في القرص)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="175"/>
        <source>%1 cannot be used: %2</source>
        <translation>تعذّر استعمال %1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="176"/>
        <source>%1 is not an Alama project (not a SQLite database)</source>
        <translation>%1 ليس مشروع «علامة» (ليس قاعدة بيانات ⁦SQLite⁩)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="177"/>
        <source>%1 is damaged (%2)</source>
        <translation>%1 تالف (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="178"/>
        <source>%1 is a SQLite database but not an Alama project</source>
        <translation>%1 قاعدة بيانات ⁦SQLite⁩، لكنه ليس مشروع «علامة»</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="179"/>
        <source>%1 was written by a newer version of Alama (schema step %2); upgrade Alama to open it</source>
        <translation>كتب %1 إصدارٌ أحدث من «علامة» (خطوة المخطط %2)؛ حدّث «علامة» لتفتحه</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="183"/>
        <source>%1 is not an Alama project (its schema is incomplete)</source>
        <translation>%1 ليس مشروع «علامة» (مخططه ناقص)</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="184"/>
        <source>%1 was changed by another program (%2): Alama does not open it</source>
        <translation>غيّر برنامج آخر %1 (%2)، فلا يفتحه «علامة»</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="64"/>
        <source>not labelled: the text lies inside boilerplate (%1, characters %2–%3); hold Alt to label it anyway</source>
        <translation>لم يُوسَم: النص داخل نص متكرر من الموقع (%1، المحارف %2–%3)؛ اضغط Alt مع المفتاح لوسمه رغم ذلك</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="69"/>
        <source>repeated line</source>
        <translation>سطر متكرر</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="70"/>
        <source>related articles</source>
        <translation>مقالات ذات صلة</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="71"/>
        <source>comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="72"/>
        <source>share</source>
        <translation>المشاركة</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="73"/>
        <source>title repeat</source>
        <translation>تكرار العنوان</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="74"/>
        <source>repeated paragraph</source>
        <translation>فقرة مكررة</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="75"/>
        <source>site name</source>
        <translation>اسم الموقع</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="76"/>
        <source>site menu</source>
        <translation>قائمة الموقع</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="77"/>
        <source>manual</source>
        <translation>يدوي</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../gui/qt_documents.py" line="66"/>
        <source>to do</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location filename="../../gui/qt_documents.py" line="67"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_documents.py" line="68"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../gui/qt_documents.py" line="104"/>
        <source>Same story as: %1</source>
        <translation>الخبر نفسه في: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/qt_export.py" line="45"/>
        <location filename="../../gui/qt_export.py" line="100"/>
        <location filename="../../gui/qt_export.py" line="137"/>
        <location filename="../../gui/qt_export.py" line="141"/>
        <location filename="../../gui/qt_export.py" line="147"/>
        <location filename="../../gui/qt_export.py" line="162"/>
        <location filename="../../gui/qt_export.py" line="172"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="52"/>
        <source>Every annotator (also a backup)</source>
        <translation>كل المُوسِّمين (وهذه نسخة احتياطية أيضًا)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="56"/>
        <source>Only %1</source>
        <translation>%1 فقط</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="58"/>
        <source>The reviewed gold layer</source>
        <translation>الطبقة المرجعية (بعد المراجعة)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="67"/>
        <source>Split documents into</source>
        <translation>تقسيم المستندات إلى</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="72"/>
        <source>seed </source>
        <translation>البذرة </translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="77"/>
        <source>Leave out the relations</source>
        <translation>استبعاد العلاقات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="81"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="91"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="92"/>
        <source>Layer:</source>
        <translation>الطبقة:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="93"/>
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="96"/>
        <source>Write to:</source>
        <translation>الكتابة في:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="121"/>
        <source>Folder to write</source>
        <translation>المجلد الذي يُكتب فيه</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="124"/>
        <source>File to write</source>
        <translation>الملف الذي يُكتب فيه</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="137"/>
        <source>Choose where to write the export.</source>
        <translation>اختر أين يُكتب التصدير.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="141"/>
        <source>Choose at least one label.</source>
        <translation>اختر وسمًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="158"/>
        <source>with &quot;Leave out the relations&quot;</source>
        <translation>باختيار «استبعاد العلاقات»</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="173"/>
        <source>These files are there already:
%1
Replace them?</source>
        <translation>هذه الملفات موجودة من قبل:
%1
أتستبدلها؟</translation>
    </message>
    <message>
        <location filename="../../gui/qt_export.py" line="193"/>
        <source>Writing %1</source>
        <translation>جارٍ الكتابة في %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/qt_panels.py" line="187"/>
        <source>Find in this article (ignores diacritics)</source>
        <translation>البحث في هذا المستند (دون اعتبار للتشكيل)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_panels.py" line="221"/>
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
</context>
<context>
    <name>Folds</name>
    <message numerus="yes">
        <location filename="../../gui/folds.py" line="46"/>
        <source>⋯ Repeated site text (%n line(s)) — click to show</source>
        <translation>
            <numerusform>⋯ نص متكرر من الموقع — انقر للإظهار</numerusform>
            <numerusform>⋯ نص متكرر من الموقع (سطر واحد) — انقر للإظهار</numerusform>
            <numerusform>⋯ نص متكرر من الموقع (سطران) — انقر للإظهار</numerusform>
            <numerusform>⋯ نص متكرر من الموقع (%n أسطر) — انقر للإظهار</numerusform>
            <numerusform>⋯ نص متكرر من الموقع (%n سطرًا) — انقر للإظهار</numerusform>
            <numerusform>⋯ نص متكرر من الموقع (%n سطر) — انقر للإظهار</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuidelinesWindow</name>
    <message>
        <location filename="../../gui/qt_guidelines.py" line="27"/>
        <source>Annotation guidelines</source>
        <translation>دليل الوسم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_guidelines.py" line="68"/>
        <source>This project has no annotation guidelines yet.

The lead adds them with Team ▸ Import guidelines… (a Markdown file); handed-out copies carry them.</source>
        <translation>ليس لهذا المشروع دليل وسم بعد.

يضيفه قائد الفريق من الفريق ◂ استيراد دليل الوسم… (ملف Markdown)، وتحمله النسخ المُسلَّمة للمُوسِّمين.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/qt_import.py" line="63"/>
        <location filename="../../gui/qt_import.py" line="101"/>
        <location filename="../../gui/qt_import.py" line="145"/>
        <location filename="../../gui/qt_import.py" line="151"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="67"/>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="69"/>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="71"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="81"/>
        <source>as the files say; otherwise “imported”</source>
        <translation>كما تذكر الملفات، وإلا فـ«imported»</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="85"/>
        <source>Add labels the project does not have yet</source>
        <translation>إضافة الوسوم التي ليست في المشروع بعد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="89"/>
        <source>characters (code points)</source>
        <translation>الحروف (نقاط الترميز)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="90"/>
        <source>UTF-16 units (tools in JavaScript)</source>
        <translation>وحدات UTF-16 (أدوات JavaScript)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="91"/>
        <source>UTF-8 bytes</source>
        <translation>بايتات UTF-8</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="93"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="94"/>
        <source>Annotator:</source>
        <translation>المُوسِّم:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="95"/>
        <source>Rename labels:</source>
        <translation>إعادة تسمية الوسوم:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="96"/>
        <source>Offsets count:</source>
        <translation>تُعدّ المواضع بـ:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="128"/>
        <source>Files to import</source>
        <translation>ملفات للاستيراد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="130"/>
        <source>Articles and annotations</source>
        <translation>المقالات والوسوم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="132"/>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="138"/>
        <source>Folder to import</source>
        <translation>مجلد للاستيراد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="145"/>
        <source>Add a file or a folder to import first.</source>
        <translation>أضف ملفًا أو مجلدًا للاستيراد أولًا.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="180"/>
        <source>Finding boilerplate…</source>
        <translation>جارٍ البحث عن النص المتكرر…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="184"/>
        <source>Boilerplate set aside: %1 of %2 characters.</source>
        <translation>نُحّي النص المتكرر: %1 من %2 حرفًا.</translation>
    </message>
</context>
<context>
    <name>LabelBars</name>
    <message>
        <location filename="../../gui/qt_agreement.py" line="76"/>
        <source>F1 exact</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="77"/>
        <source>F1 overlap</source>
        <translation>F1 بالتداخل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="78"/>
        <source>alpha U</source>
        <translation>ألفا للتقطيع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="79"/>
        <source>Cohen&apos;s kappa</source>
        <translation>كابا كوهين</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../gui/qt_panels.py" line="65"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../../gui/linking.py" line="78"/>
        <source>Choose a link first (L, or the links list).</source>
        <translation>اختر رابطاً أولاً (L، أو من قائمة الروابط).</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="147"/>
        <source>Links in this article: %1</source>
        <translation>الروابط في هذا المستند: %1</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="189"/>
        <source>No link in this article yet.</source>
        <translation>لا روابط في هذا المستند بعد.</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="235"/>
        <source>Choose a linked claim first (or a row of the links list).</source>
        <translation>اختر أولاً ادعاءً مربوطاً (أو سطراً من قائمة الروابط).</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="240"/>
        <source>This link has no such choice.</source>
        <translation>لا يحمل هذا الرابط هذا الخيار.</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="309"/>
        <source>Choose a span first (%1), then press its key.</source>
        <translation>اختر مقطعاً أولاً (%1)، ثم اضغط مفتاحه.</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="314"/>
        <source>Nothing to link to in this article (%1).</source>
        <translation>لا شيء يُربط به في هذا المستند (%1).</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="345"/>
        <source>No link made.</source>
        <translation>لم يُنشأ أي رابط.</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="354"/>
        <source>Link the claim to its speaker (%1 / %2): Tab for the next, Enter links, Esc cancels</source>
        <translation>اربط الادعاء بقائله (%1 من %2): Tab للتالي، Enter للربط، Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/linking.py" line="359"/>
        <source>Link (%3) (%1 / %2): Tab for the next, Enter links, Esc cancels</source>
        <translation>الربط (%3) (%1 من %2): Tab للتالي، Enter للربط، Esc للإلغاء</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/qt_main_window.py" line="163"/>
        <source>On this server you annotate: review is for the reviewers and the lead.</source>
        <translation>أنت مُوسِّم على هذا الخادم: المراجعة للمراجعين ولقائد الفريق.</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <location filename="../../gui/modes/base.py" line="88"/>
        <source>Nothing to label: the selection holds only spaces or marks.</source>
        <translation>لا شيء للوسم: التحديد لا يحوي إلا مسافات أو علامات.</translation>
    </message>
    <message>
        <location filename="../../gui/modes/base.py" line="94"/>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا، ثم اضغط مفتاح وسم.</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../gui/navigation.py" line="52"/>
        <source>Search all documents (ignores diacritics)</source>
        <translation>البحث في كل المستندات (دون اعتبار للتشكيل)</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="59"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="60"/>
        <source>To do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="61"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="62"/>
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="68"/>
        <source>Assigned to me</source>
        <translation>المُسنَد إليّ</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="69"/>
        <source>The whole project</source>
        <translation>المشروع كله</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="157"/>
        <source>Assigned to me: %1 / %2 done</source>
        <translation>المُسنَد إليّ: أُنجز %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="261"/>
        <source>The project file is busy (another program is writing to it).</source>
        <translation>ملف المشروع مشغول (يكتب فيه برنامج آخر).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/navigation.py" line="275"/>
        <source>%n document(s) contain it</source>
        <translation>
            <numerusform>لا مستند يحتويه</numerusform>
            <numerusform>مستند واحد يحتويه</numerusform>
            <numerusform>مستندان يحتويانه</numerusform>
            <numerusform>%n مستندات تحتويه</numerusform>
            <numerusform>%n مستندًا تحتويه</numerusform>
            <numerusform>%n مستند تحتويه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="301"/>
        <source>Every document assigned to you is done.</source>
        <translation>أنجزتَ كل المستندات المُسنَدة إليك.</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="338"/>
        <source>Went on from the top of the document list.</source>
        <translation>تابع البحث من أول القائمة.</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="340"/>
        <source>Went on from the bottom of the document list.</source>
        <translation>تابع البحث من آخر القائمة.</translation>
    </message>
</context>
<context>
    <name>ProjectCommands</name>
    <message>
        <location filename="../../gui/project_commands.py" line="109"/>
        <source>On a server you annotate as your login, %1: connect as another person to change it.</source>
        <translation>على الخادم تُوسِّم باسم دخولك، %1: اتصل باسم شخص آخر لتغييره.</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="125"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="137"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="147"/>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="155"/>
        <source>gold</source>
        <translation>الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="161"/>
        <source>%1 changes the layers %2, but an annotator&apos;s copy changes only that annotator&apos;s layer. Nothing was merged.

Is it your own file or a reviewer&apos;s? Take every change of the chosen files?</source>
        <translation>يغيّر %1 الطبقات %2، ونسخة المُوسِّم لا تغيّر إلا طبقة ذلك المُوسِّم. لم يُدمج شيء.

أهو ملفك أنت أم ملف مراجِع؟ أتأخذ كل تغييرات الملفات المختارة؟</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="197"/>
        <source>Review ▸ Agreement… (Ctrl+Shift+A) brings the dashboard back.</source>
        <translation>المراجعة ◂ الاتفاق بين المُوسِّمين… (⁦Ctrl+Shift+A⁩) يُعيد اللوحة.</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="210"/>
        <source>About Alama</source>
        <translation>عن «علامة»</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gui/i18n.py" line="190"/>
        <source>&amp;Look in:</source>
        <translation>ال&amp;بحث في:</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="191"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;نوع الملفات:</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../gui/qt_team.py" line="204"/>
        <source>Reassign documents</source>
        <translation>إعادة توزيع المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="217"/>
        <source>Their unfinished documents go to the annotators ticked below (none ticked: to everyone else assigned); what they finished stays theirs.</source>
        <translation>تنتقل مستنداته غير المنجزة إلى المُوسِّمين المحدَّدين أدناه (إن لم تحدِّد أحداً: إلى كل من له مستندات)، وما أنجزه يبقى له.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="223"/>
        <source>Who left:</source>
        <translation>من غادر:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="224"/>
        <source>Give their documents to:</source>
        <translation>أعطِ مستنداته إلى:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="225"/>
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="226"/>
        <source>Reassign</source>
        <translation>أعِد التوزيع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team.py" line="250"/>
        <source>Nobody has documents assigned yet.</source>
        <translation>لم تُوزَّع مستندات على أحد بعد.</translation>
    </message>
</context>
<context>
    <name>RelationsPanel</name>
    <message>
        <location filename="../../gui/qt_relations.py" line="137"/>
        <source>Claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <location filename="../../gui/qt_relations.py" line="137"/>
        <source>Said by</source>
        <translation>قاله</translation>
    </message>
    <message>
        <location filename="../../gui/qt_relations.py" line="137"/>
        <source>Stance</source>
        <translation>الموقف</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../gui/i18n.py" line="255"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="278"/>
        <source>Merging %n project file(s)</source>
        <translation>
            <numerusform>جارٍ الدمج</numerusform>
            <numerusform>جارٍ دمج ملف مشروع واحد</numerusform>
            <numerusform>جارٍ دمج ملفَّي مشروعين</numerusform>
            <numerusform>جارٍ دمج %n ملفات مشاريع</numerusform>
            <numerusform>جارٍ دمج %n ملفًا</numerusform>
            <numerusform>جارٍ دمج %n ملف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="293"/>
        <source>Labels added: %1</source>
        <translation>الوسوم المضافة: %1</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="301"/>
        <source>%1 %2 (%3).</source>
        <comment>records imported, from files, (formats)</comment>
        <translation>%1 %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="302"/>
        <source>%n record(s) imported</source>
        <translation>
            <numerusform>لم يُستورد أي سجل</numerusform>
            <numerusform>استُورد سجل واحد</numerusform>
            <numerusform>استُورد سجلان</numerusform>
            <numerusform>استُوردت %n سجلات</numerusform>
            <numerusform>استُورد %n سجلًا</numerusform>
            <numerusform>استُورد %n سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="303"/>
        <source>from %n file(s)</source>
        <translation>
            <numerusform>من غير ملفات</numerusform>
            <numerusform>من ملف واحد</numerusform>
            <numerusform>من ملفين</numerusform>
            <numerusform>من %n ملفات</numerusform>
            <numerusform>من %n ملفًا</numerusform>
            <numerusform>من %n ملف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="307"/>
        <source>%1, %2.</source>
        <comment>new documents, documents already in the project</comment>
        <translation>%1، و%2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="308"/>
        <location filename="../../gui/i18n.py" line="369"/>
        <source>%n new document(s)</source>
        <translation>
            <numerusform>لا مستندات جديدة</numerusform>
            <numerusform>مستند جديد واحد</numerusform>
            <numerusform>مستندان جديدان</numerusform>
            <numerusform>%n مستندات جديدة</numerusform>
            <numerusform>%n مستندًا جديدًا</numerusform>
            <numerusform>%n مستند جديد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="309"/>
        <source>%n already in the project</source>
        <translation>
            <numerusform>لم يكن أيٌّ منها في المشروع من قبل</numerusform>
            <numerusform>مستند واحد كان في المشروع من قبل</numerusform>
            <numerusform>مستندان كانا في المشروع من قبل</numerusform>
            <numerusform>%n مستندات كانت في المشروع من قبل</numerusform>
            <numerusform>%n مستندًا كانت في المشروع من قبل</numerusform>
            <numerusform>%n مستند كانت في المشروع من قبل</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="312"/>
        <source>%1 %2.</source>
        <comment>spans added, in annotator layers</comment>
        <translation>%1 %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="313"/>
        <source>%n span(s) added</source>
        <translation>
            <numerusform>لم يُضَف أي مقطع</numerusform>
            <numerusform>أُضيف مقطع واحد</numerusform>
            <numerusform>أُضيف مقطعان</numerusform>
            <numerusform>أُضيفت %n مقاطع</numerusform>
            <numerusform>أُضيف %n مقطعًا</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="314"/>
        <source>in %n annotator layer(s)</source>
        <translation>
            <numerusform>إلى أي طبقة</numerusform>
            <numerusform>إلى طبقة مُوسِّم واحدة</numerusform>
            <numerusform>إلى طبقتَي مُوسِّمَين</numerusform>
            <numerusform>إلى %n طبقات للمُوسِّمين</numerusform>
            <numerusform>إلى %n طبقةً للمُوسِّمين</numerusform>
            <numerusform>إلى %n طبقة للمُوسِّمين</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="319"/>
        <source>%n relation(s) between spans added.</source>
        <translation>
            <numerusform>لم تُضف علاقات بين المقاطع.</numerusform>
            <numerusform>أُضيفت علاقة واحدة بين المقاطع.</numerusform>
            <numerusform>أُضيفت علاقتان بين المقاطع.</numerusform>
            <numerusform>أُضيفت %n علاقات بين المقاطع.</numerusform>
            <numerusform>أُضيفت %n علاقةً بين المقاطع.</numerusform>
            <numerusform>أُضيفت %n علاقة بين المقاطع.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="320"/>
        <source>Repaired (%1): %2</source>
        <translation>أُصلح (%1): %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="321"/>
        <source>Skipped (%1): %2</source>
        <translation>لم يُستورد (%1): %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="327"/>
        <source>%1 %2 %3, as %4.</source>
        <comment>records exported, of documents, with spans, format</comment>
        <translation>%1 %2 %3، بصيغة %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="328"/>
        <source>%n record(s) exported</source>
        <translation>
            <numerusform>لم يُصدَّر أي سجل</numerusform>
            <numerusform>صُدِّر سجل واحد</numerusform>
            <numerusform>صُدِّر سجلان</numerusform>
            <numerusform>صُدِّرت %n سجلات</numerusform>
            <numerusform>صُدِّر %n سجلًا</numerusform>
            <numerusform>صُدِّر %n سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="329"/>
        <source>of %n document(s)</source>
        <translation>
            <numerusform>من غير مستندات</numerusform>
            <numerusform>من مستند واحد</numerusform>
            <numerusform>من مستندين</numerusform>
            <numerusform>من %n مستندات</numerusform>
            <numerusform>من %n مستندًا</numerusform>
            <numerusform>من %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="330"/>
        <source>with %n span(s)</source>
        <translation>
            <numerusform>بلا مقاطع</numerusform>
            <numerusform>بمقطع واحد</numerusform>
            <numerusform>بمقطعين</numerusform>
            <numerusform>بـ%n مقاطع</numerusform>
            <numerusform>بـ%n مقطعًا</numerusform>
            <numerusform>بـ%n مقطع</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="334"/>
        <source>Written: %1</source>
        <translation>الملفات المكتوبة: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="339"/>
        <source>%n relation(s) between spans written.</source>
        <translation>
            <numerusform>لم تُكتب علاقات بين المقاطع.</numerusform>
            <numerusform>كُتبت علاقة واحدة بين المقاطع.</numerusform>
            <numerusform>كُتبت علاقتان بين المقاطع.</numerusform>
            <numerusform>كُتبت %n علاقات بين المقاطع.</numerusform>
            <numerusform>كُتبت %n علاقةً بين المقاطع.</numerusform>
            <numerusform>كُتبت %n علاقة بين المقاطع.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="343"/>
        <source>%n span(s) widened to whole tokens (tags cover tokens, not parts of them)</source>
        <translation>
            <numerusform>لم يُوسَّع أي مقطع إلى كلمات كاملة.</numerusform>
            <numerusform>وُسِّع مقطع واحد إلى كلمات كاملة (الوسوم تغطي كلمات لا أجزاء منها).</numerusform>
            <numerusform>وُسِّع مقطعان إلى كلمات كاملة (الوسوم تغطي كلمات لا أجزاء منها).</numerusform>
            <numerusform>وُسِّعت %n مقاطع إلى كلمات كاملة (الوسوم تغطي كلمات لا أجزاء منها).</numerusform>
            <numerusform>وُسِّع %n مقطعًا إلى كلمات كاملة (الوسوم تغطي كلمات لا أجزاء منها).</numerusform>
            <numerusform>وُسِّع %n مقطع إلى كلمات كاملة (الوسوم تغطي كلمات لا أجزاء منها).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="348"/>
        <source>Left out (%1): %2</source>
        <translation>لم يُصدَّر (%1): %2</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="353"/>
        <source>%1 into %2 (created).</source>
        <comment>project files merged, the project</comment>
        <translation>%1 في %2 (أُنشئ الآن).</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="355"/>
        <source>%1 into %2.</source>
        <comment>project files merged, the project</comment>
        <translation>%1 في %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="358"/>
        <source>%n project file(s) merged</source>
        <translation>
            <numerusform>لم يُدمج أي ملف</numerusform>
            <numerusform>دُمج ملف مشروع واحد</numerusform>
            <numerusform>دُمج ملفَّا مشروعين</numerusform>
            <numerusform>دُمجت %n ملفات مشاريع</numerusform>
            <numerusform>دُمج %n ملفًا</numerusform>
            <numerusform>دُمج %n ملف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="362"/>
        <source>Nothing new: it already had every version.</source>
        <translation>لا جديد: كانت فيه كل النسخ من قبل.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="364"/>
        <source>%n newer version(s) of spans (%1 of them deletions)</source>
        <translation>
            <numerusform>لا نسخ أحدث من المقاطع</numerusform>
            <numerusform>نسخة أحدث واحدة من المقاطع (الحذف منها: %1)</numerusform>
            <numerusform>نسختان أحدث من المقاطع (الحذف منهما: %1)</numerusform>
            <numerusform>%n نسخ أحدث من المقاطع (الحذف منها: %1)</numerusform>
            <numerusform>%n نسخةً أحدث من المقاطع (الحذف منها: %1)</numerusform>
            <numerusform>%n نسخة أحدث من المقاطع (الحذف منها: %1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="368"/>
        <source>%1, %2, %3, %4, %5.</source>
        <comment>documents, spans, versions, statuses, decisions</comment>
        <translation>%1، و%2، و%3، و%4، و%5.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="370"/>
        <source>%n new span(s)</source>
        <translation>
            <numerusform>لا مقاطع جديدة</numerusform>
            <numerusform>مقطع جديد واحد</numerusform>
            <numerusform>مقطعان جديدان</numerusform>
            <numerusform>%n مقاطع جديدة</numerusform>
            <numerusform>%n مقطعًا جديدًا</numerusform>
            <numerusform>%n مقطع جديد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="372"/>
        <source>%n document status(es)</source>
        <translation>
            <numerusform>لا حالات مستندات</numerusform>
            <numerusform>حالة مستند واحدة</numerusform>
            <numerusform>حالتا مستندين</numerusform>
            <numerusform>%n حالات مستندات</numerusform>
            <numerusform>%n حالة مستند</numerusform>
            <numerusform>%n حالة مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="373"/>
        <source>%n review decision(s)</source>
        <translation>
            <numerusform>لا قرارات مراجعة</numerusform>
            <numerusform>قرار مراجعة واحد</numerusform>
            <numerusform>قرارا مراجعة</numerusform>
            <numerusform>%n قرارات مراجعة</numerusform>
            <numerusform>%n قرار مراجعة</numerusform>
            <numerusform>%n قرار مراجعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="377"/>
        <source>%n relation(s) between spans, new or newer versions.</source>
        <translation>
            <numerusform>لا علاقات جديدة بين المقاطع.</numerusform>
            <numerusform>علاقة واحدة بين المقاطع، جديدة أو أحدث.</numerusform>
            <numerusform>علاقتان بين المقاطع، جديدتان أو أحدث.</numerusform>
            <numerusform>%n علاقات بين المقاطع، جديدة أو أحدث.</numerusform>
            <numerusform>%n علاقةً بين المقاطع، جديدة أو أحدث.</numerusform>
            <numerusform>%n علاقة بين المقاطع، جديدة أو أحدث.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="379"/>
        <source>%n assignment(s) of documents to annotators, given or taken away.</source>
        <translation>
            <numerusform>لا تغيير في توزيع المستندات.</numerusform>
            <numerusform>تغيير واحد في توزيع المستندات على المُوسِّمين (إسناد أو سحب).</numerusform>
            <numerusform>تغييران في توزيع المستندات على المُوسِّمين (إسناد أو سحب).</numerusform>
            <numerusform>%n تغييرات في توزيع المستندات على المُوسِّمين (إسناد أو سحب).</numerusform>
            <numerusform>%n تغييرًا في توزيع المستندات على المُوسِّمين (إسناد أو سحب).</numerusform>
            <numerusform>%n تغيير في توزيع المستندات على المُوسِّمين (إسناد أو سحب).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="381"/>
        <source>The guidelines were taken from a file.</source>
        <translation>أُخذ دليل الوسم من أحد الملفات.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="389"/>
        <source>%n span(s) of %1 left out: outside its document&apos;s text (the file was damaged or altered).</source>
        <translation>
            <numerusform>لم يُترك أي مقطع من %1.</numerusform>
            <numerusform>تُرك مقطع واحد من %1: هو خارج نص مستنده (الملف تالف أو معدَّل).</numerusform>
            <numerusform>تُرك مقطعان من %1: هما خارج نص مستندهما (الملف تالف أو معدَّل).</numerusform>
            <numerusform>تُركت %n مقاطع من %1: هي خارج نص مستنداتها (الملف تالف أو معدَّل).</numerusform>
            <numerusform>تُرك %n مقطعًا من %1: هي خارج نص مستنداتها (الملف تالف أو معدَّل).</numerusform>
            <numerusform>تُرك %n مقطع من %1: هي خارج نص مستنداتها (الملف تالف أو معدَّل).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/i18n.py" line="401"/>
        <source>%n change(s) of other layers left out: %1</source>
        <translation>
            <numerusform>لم يُترك أي تغيير في طبقات أخرى: %1</numerusform>
            <numerusform>تُرك تغيير واحد في طبقات أخرى: %1</numerusform>
            <numerusform>تُرك تغييران في طبقات أخرى: %1</numerusform>
            <numerusform>تُركت %n تغييرات في طبقات أخرى: %1</numerusform>
            <numerusform>تُرك %n تغييرًا في طبقات أخرى: %1</numerusform>
            <numerusform>تُرك %n تغيير في طبقات أخرى: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="411"/>
        <source>Took the gold layer from %1.</source>
        <translation>أُخذت الطبقة المرجعية من %1.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="413"/>
        <source>Took %1&apos;s layer from %2.</source>
        <translation>أُخذت طبقة %1 من %2.</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="414"/>
        <source>Took the layers %1 from %2.</source>
        <translation>أُخذت الطبقات %1 من %2.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../gui/qt_review.py" line="38"/>
        <source>all agree</source>
        <translation>اتفاق الجميع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="39"/>
        <source>some agree</source>
        <translation>اتفاق البعض</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="40"/>
        <source>one annotator</source>
        <translation>مُوسِّم واحد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="41"/>
        <source>reviewer&apos;s own</source>
        <translation>من المراجِع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="44"/>
        <source>✓ in gold</source>
        <translation>✓ في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="45"/>
        <source>✗ rejected</source>
        <translation>✗ مرفوض</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="46"/>
        <source>≈ settled in gold</source>
        <translation>≈ حُسم في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="47"/>
        <source>• open</source>
        <translation>• مفتوح</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../gui/qt_review.py" line="97"/>
        <source>Accept (Enter)</source>
        <translation>قبول (⁦Enter⁩)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="98"/>
        <source>Reject (Delete)</source>
        <translation>رفض (⁦Delete⁩)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="99"/>
        <source>Accept all agreed (Shift+Enter)</source>
        <translation>قبول كل ما اتُّفق عليه (⁦Shift+Enter⁩)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="100"/>
        <source>Next disagreement (F8)</source>
        <translation>الخلاف التالي (⁦F8⁩)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="120"/>
        <source>gold</source>
        <translation>الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="121"/>
        <source>Span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="121"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="121"/>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="214"/>
        <source>No annotator has marked this document done yet: nothing to compare.</source>
        <translation>لم يُنجز أي مُوسِّم هذا المستند بعد: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="217"/>
        <source>Finished by: %1.</source>
        <translation>أنجزه: %1.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="220"/>
        <source>Not counted (not done): %1.</source>
        <translation>لا يُحتسب (لم يُنجز): %1.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="223"/>
        <source>Reviewed.</source>
        <translation>اكتملت مراجعته.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="223"/>
        <source>Not marked reviewed yet.</source>
        <translation>لم تكتمل مراجعته بعد.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="225"/>
        <source>%1: %2, %3.</source>
        <comment>candidates: open disagreements, agreed not yet accepted</comment>
        <translation>%1: %2، و%3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_review.py" line="226"/>
        <source>%n candidate span(s)</source>
        <translation>
            <numerusform>لا مقاطع مرشّحة</numerusform>
            <numerusform>مقطع مرشّح واحد</numerusform>
            <numerusform>مقطعان مرشّحان</numerusform>
            <numerusform>%n مقاطع مرشّحة</numerusform>
            <numerusform>%n مقطعًا مرشّحًا</numerusform>
            <numerusform>%n مقطع مرشّح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_review.py" line="227"/>
        <source>%n open disagreement(s)</source>
        <translation>
            <numerusform>لا خلافات مفتوحة</numerusform>
            <numerusform>خلاف مفتوح واحد</numerusform>
            <numerusform>خلافان مفتوحان</numerusform>
            <numerusform>%n خلافات مفتوحة</numerusform>
            <numerusform>%n خلافًا مفتوحًا</numerusform>
            <numerusform>%n خلاف مفتوح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_review.py" line="228"/>
        <source>%n agreed span(s) not yet accepted</source>
        <translation>
            <numerusform>لا مقاطع متّفق عليها تنتظر القبول</numerusform>
            <numerusform>مقطع واحد متّفق عليه لم يُقبل بعد</numerusform>
            <numerusform>مقطعان متّفق عليهما لم يُقبلا بعد</numerusform>
            <numerusform>%n مقاطع متّفق عليها لم تُقبل بعد</numerusform>
            <numerusform>%n مقطعًا متّفقًا عليه لم يُقبل بعد</numerusform>
            <numerusform>%n مقطع متّفق عليه لم يُقبل بعد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reviewing</name>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="109"/>
        <source>Choose a span in the review list first (F8 finds the next).</source>
        <translation>اختر مقطعًا من قائمة المراجعة أولًا (⁦F8⁩ يجد التالي).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/modes/reviewing.py" line="123"/>
        <source>%n agreed span(s) accepted into gold.</source>
        <translation>
            <numerusform>لم يُقبل أي مقطع متّفق عليه.</numerusform>
            <numerusform>قُبل مقطع واحد متّفق عليه في الطبقة المرجعية.</numerusform>
            <numerusform>قُبل مقطعان متّفق عليهما في الطبقة المرجعية.</numerusform>
            <numerusform>قُبلت %n مقاطع متّفق عليها في الطبقة المرجعية.</numerusform>
            <numerusform>قُبل %n مقطعًا متّفقًا عليه في الطبقة المرجعية.</numerusform>
            <numerusform>قُبل %n مقطع متّفق عليه في الطبقة المرجعية.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/modes/reviewing.py" line="126"/>
        <source>Agreed links accepted: %n.</source>
        <translation>
            <numerusform>الروابط المتفق عليها المقبولة: %n.</numerusform>
            <numerusform>قُبل رابط واحد متفق عليه.</numerusform>
            <numerusform>قُبل رابطان متفق عليهما.</numerusform>
            <numerusform>قُبلت %n روابط متفق عليها.</numerusform>
            <numerusform>قُبل %n رابطاً متفقاً عليه.</numerusform>
            <numerusform>قُبل %n رابط متفق عليه.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="150"/>
        <source>This is the only open disagreement left.</source>
        <translation>هذا هو الخلاف المفتوح الوحيد الباقي.</translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="155"/>
        <source>No open disagreement left in the documents listed (a filter hides others).</source>
        <translation>لم يبقَ خلاف مفتوح في المستندات المعروضة (التصفية تخفي مستندات أخرى).</translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="157"/>
        <source>All done: every disagreement in the project is decided.</source>
        <translation>اكتمل العمل: حُسمت كل الخلافات في المشروع.</translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="171"/>
        <source>Nothing open left in this document: Ctrl+Enter marks it reviewed.</source>
        <translation>لم يبقَ شيء مفتوح في هذا المستند: ⁦Ctrl+Enter⁩ يُنهي مراجعته.</translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="203"/>
        <source>Gold spans in this article: %1</source>
        <translation>مقاطع الطبقة المرجعية في هذا المستند: %1</translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="206"/>
        <source>Reviewing as %1: the gold layer</source>
        <translation>المراجِع: %1 — الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="209"/>
        <source>review</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="213"/>
        <source>%1 / %2 reviewed</source>
        <translation>رُوجع %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="217"/>
        <source>%1: in %2&apos;s layer (shown when annotating).</source>
        <translation>%1: في طبقة %2 (تظهر أثناء الوسم).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/modes/reviewing.py" line="225"/>
        <source>Every document in this list is reviewed; still to review outside it: %n.</source>
        <translation>
            <numerusform>اكتملت مراجعة كل مستندات هذه القائمة.</numerusform>
            <numerusform>اكتملت مراجعة كل مستندات هذه القائمة؛ وبقي خارجها مستند واحد للمراجعة.</numerusform>
            <numerusform>اكتملت مراجعة كل مستندات هذه القائمة؛ وبقي خارجها مستندان للمراجعة.</numerusform>
            <numerusform>اكتملت مراجعة كل مستندات هذه القائمة؛ وبقيت خارجها %n مستندات للمراجعة.</numerusform>
            <numerusform>اكتملت مراجعة كل مستندات هذه القائمة؛ وبقي خارجها %n مستندًا للمراجعة.</numerusform>
            <numerusform>اكتملت مراجعة كل مستندات هذه القائمة؛ وبقي خارجها %n مستند للمراجعة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/modes/reviewing.py" line="229"/>
        <source>All done: every document is reviewed.</source>
        <translation>اكتمل العمل: رُوجعت كل المستندات.</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="171"/>
        <source>Boilerplate rules learnt</source>
        <translation>قواعد النص المتكرر المستفادة</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="173"/>
        <source>Source and repeated line</source>
        <translation>المصدر والسطر المتكرر</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="173"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="175"/>
        <source>(no source)</source>
        <translation>(بلا مصدر)</translation>
    </message>
    <message>
        <location filename="../../gui/boilerplate_actions.py" line="183"/>
        <source>No line repeats across documents of one source.</source>
        <translation>لا يتكرر أي سطر في مستندات مصدر واحد.</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <location filename="../../gui/server_open.py" line="72"/>
        <source>Connect to a server</source>
        <translation>الاتصال بخادم</translation>
    </message>
    <message>
        <location filename="../../gui/server_open.py" line="84"/>
        <source>Password of %1:</source>
        <translation>كلمة مرور %1:</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <location filename="../../gui/session.py" line="262"/>
        <source>Accept %n agreed span(s)</source>
        <translation>
            <numerusform>قبول المقاطع المتّفق عليها</numerusform>
            <numerusform>قبول مقطع واحد متّفق عليه</numerusform>
            <numerusform>قبول مقطعين متّفق عليهما</numerusform>
            <numerusform>قبول %n مقاطع متّفق عليها</numerusform>
            <numerusform>قبول %n مقطعًا متّفقًا عليه</numerusform>
            <numerusform>قبول %n مقطع متّفق عليه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="277"/>
        <source>Label %1</source>
        <translation>وسم «%1»</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="279"/>
        <source>Delete %1</source>
        <translation>حذف مقطع «%1»</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="155"/>
        <location filename="../../gui/session.py" line="278"/>
        <source>Change %1</source>
        <translation>تعديل مقطع «%1»</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="265"/>
        <source>Mark done</source>
        <translation>إنجاز المستند</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="266"/>
        <source>Mark not done</source>
        <translation>إلغاء الإنجاز</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="268"/>
        <source>Reject link: %1</source>
        <translation>رفض الرابط: %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="271"/>
        <source>Link: %1</source>
        <translation>ربط: %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="272"/>
        <source>Change link: %1</source>
        <translation>تغيير الرابط: %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="273"/>
        <source>Unlink: %1</source>
        <translation>فكّ الرابط: %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="280"/>
        <source>Reject %1</source>
        <translation>رفض مقطع «%1»</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="199"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="245"/>
        <source>&lt;h2&gt;Alama — علامة&lt;/h2&gt;&lt;p&gt;Annotate Arabic news: actors, places and claims.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;علامة — Alama&lt;/h2&gt;&lt;p&gt;وسم الأخبار العربية: الفاعلون والأماكن والادعاءات.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="258"/>
        <source>No projects yet. Open the demo to try Alama: six short news articles, two of them already labelled by two annotators. Select words and press 1, 2 or 3.</source>
        <translation>لا مشاريع بعد. افتح المشروع التجريبي لتجرّب «علامة»: ست مقالات إخبارية قصيرة، وسم مُوسِّمان اثنتين منها. حدّد كلمات واضغط 1 أو 2 أو 3.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="266"/>
        <source>Open the demo</source>
        <translation>فتح المشروع التجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="269"/>
        <source>Connect to a server…</source>
        <translation>الاتصال بخادم…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="166"/>
        <location filename="../../gui/qt_dialogs.py" line="267"/>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="168"/>
        <location filename="../../gui/qt_dialogs.py" line="268"/>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="279"/>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="82"/>
        <location filename="../../gui/qt_dialogs.py" line="315"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="84"/>
        <location filename="../../gui/qt_dialogs.py" line="315"/>
        <location filename="../../gui/qt_team.py" line="315"/>
        <source>Alama projects (*.alama)</source>
        <translation>مشاريع «علامة» (*.alama)</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="96"/>
        <location filename="../../gui/qt_dialogs.py" line="323"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../gui/project_commands.py" line="98"/>
        <location filename="../../gui/qt_dialogs.py" line="323"/>
        <source>Alama projects (*.alama);;All files (*)</source>
        <translation>مشاريع «علامة» (*.alama);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>SuggestionJobs</name>
    <message>
        <location filename="../../gui/suggestion_jobs.py" line="149"/>
        <source>Training the model on your labels… (you can go on working)</source>
        <translation>تدريب النموذج على وسومك… (يمكنك متابعة العمل)</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_jobs.py" line="167"/>
        <source>Too few labels to train the model (it needs %1 spans).</source>
        <translation>الوسوم أقل من أن يُدرَّب عليها النموذج (يحتاج إلى %1 مقطعًا).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/suggestion_jobs.py" line="176"/>
        <source>The model is retrained: %n suggestion(s) here.</source>
        <translation>
            <numerusform>أُعيد تدريب النموذج: لا اقتراحات هنا.</numerusform>
            <numerusform>أُعيد تدريب النموذج: اقتراح واحد هنا.</numerusform>
            <numerusform>أُعيد تدريب النموذج: اقتراحان هنا.</numerusform>
            <numerusform>أُعيد تدريب النموذج: %n اقتراحات هنا.</numerusform>
            <numerusform>أُعيد تدريب النموذج: %n اقتراحًا هنا.</numerusform>
            <numerusform>أُعيد تدريب النموذج: %n اقتراح هنا.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_jobs.py" line="188"/>
        <source>Gazetteer or patterns file</source>
        <translation>ملف قائمة أسماء أو أنماط</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_jobs.py" line="190"/>
        <source>Gazetteers and patterns (*.tsv *.txt *.jsonl *.json);;All files (*)</source>
        <translation>قوائم الأسماء والأنماط (*.tsv *.txt *.jsonl *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/suggestion_jobs.py" line="196"/>
        <source>Suggesting from %1… (you can go on working)</source>
        <translation>جارٍ الاقتراح من %1… (يمكنك متابعة العمل)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/suggestion_jobs.py" line="213"/>
        <source>%n suggestion(s) stored from the file; %1 pending in this document.</source>
        <translation>
            <numerusform>لم يُحفظ أي اقتراح من الملف؛ المنتظر في هذا المستند: %1.</numerusform>
            <numerusform>حُفظ اقتراح واحد من الملف؛ المنتظر في هذا المستند: %1.</numerusform>
            <numerusform>حُفظ اقتراحان من الملف؛ المنتظر في هذا المستند: %1.</numerusform>
            <numerusform>حُفظت %n اقتراحات من الملف؛ المنتظر في هذا المستند: %1.</numerusform>
            <numerusform>حُفظ %n اقتراحًا من الملف؛ المنتظر في هذا المستند: %1.</numerusform>
            <numerusform>حُفظ %n اقتراح من الملف؛ المنتظر في هذا المستند: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../gui/suggestions.py" line="30"/>
        <source>learned from your labels</source>
        <translation>مما وسمتَه</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="31"/>
        <source>the model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="32"/>
        <source>gazetteer</source>
        <translation>قائمة الأسماء</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="33"/>
        <source>camel-tools</source>
        <translation>camel-tools</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="70"/>
        <source>Tab: the next suggestion; A accepts it, X rejects it</source>
        <translation>‏Tab: الاقتراح التالي؛ A يقبله، X يرفضه</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/suggestions.py" line="136"/>
        <source>%n suggestion(s) pending</source>
        <translation>
            <numerusform>لا اقتراحات منتظرة</numerusform>
            <numerusform>اقتراح واحد منتظر</numerusform>
            <numerusform>اقتراحان منتظران</numerusform>
            <numerusform>%n اقتراحات منتظرة</numerusform>
            <numerusform>%n اقتراحًا منتظرًا</numerusform>
            <numerusform>%n اقتراح منتظر</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="157"/>
        <source>Suggested %1 «%2» (%3, %4%): A or Enter accepts, X or Backspace rejects</source>
        <translation>اقتراح: %1 «%2» (%3، %4٪): ‏A أو Enter للقبول، X أو Backspace للرفض</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="186"/>
        <source>No suggestion pending in this document.</source>
        <translation>لا اقتراح منتظر في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="203"/>
        <source>Choose a suggestion first (Tab).</source>
        <translation>اختر اقتراحًا أولًا (Tab).</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="215"/>
        <source>Accept suggestion %1</source>
        <translation>قبول اقتراح %1</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="227"/>
        <source>Reject suggestion %1</source>
        <translation>رفض اقتراح %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/suggestions.py" line="240"/>
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>قبول لا اقتراحات</numerusform>
            <numerusform>قبول اقتراح واحد</numerusform>
            <numerusform>قبول اقتراحين</numerusform>
            <numerusform>قبول %n اقتراحات</numerusform>
            <numerusform>قبول %n اقتراحًا</numerusform>
            <numerusform>قبول %n اقتراح</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamCommands</name>
    <message>
        <location filename="../../gui/team_commands.py" line="92"/>
        <source>This file is the copy handed out to %1. The lead assigns, hands out and collects in the project itself.</source>
        <translation>هذا الملف هو النسخة المُسلَّمة إلى %1. التوزيع والتسليم والجمع يقوم بها قائد الفريق في المشروع نفسه.</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="121"/>
        <source>Assign documents</source>
        <translation>توزيع المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="134"/>
        <source>Reassign documents</source>
        <translation>إعادة توزيع المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="143"/>
        <source>Nobody has documents assigned yet: Team ▸ Assign documents… first.</source>
        <translation>لم تُوزَّع مستندات على أحد بعد: ابدأ بـ الفريق ◂ توزيع المستندات…</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="161"/>
        <source>Saving %1&apos;s copy… (you can go on working)</source>
        <translation>جارٍ حفظ نسخة %1… (يمكنك متابعة العمل)</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="179"/>
        <source>Folder for the annotators&apos; copies</source>
        <translation>مجلد نسخ المُوسِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="192"/>
        <source>Hand out copies</source>
        <translation>تسليم النسخ</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="200"/>
        <source>The annotators&apos; copies to collect</source>
        <translation>نسخ المُوسِّمين المراد جمعها</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="214"/>
        <source>Collect copies</source>
        <translation>جمع النسخ</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="247"/>
        <source>Annotation guidelines (Markdown)</source>
        <translation>دليل الوسم (Markdown)</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="249"/>
        <source>Markdown or text (*.md *.markdown *.txt);;All files (*)</source>
        <translation>Markdown أو نص (*.md *.markdown *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/team_commands.py" line="261"/>
        <source>Guidelines imported: F2 shows them.</source>
        <translation>استُورد دليل الوسم: يعرضه المفتاح ⁦F2⁩.</translation>
    </message>
</context>
<context>
    <name>TeamReport</name>
    <message>
        <location filename="../../gui/team_reports.py" line="43"/>
        <source>%1: %2, %3 characters</source>
        <comment>annotator: documents, characters</comment>
        <translation>%1: %2، %3 حرفاً</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="45"/>
        <location filename="../../gui/team_reports.py" line="95"/>
        <location filename="../../gui/team_reports.py" line="108"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>لا مستندات</numerusform>
            <numerusform>مستند واحد</numerusform>
            <numerusform>مستندان</numerusform>
            <numerusform>%n مستندات</numerusform>
            <numerusform>%n مستندًا</numerusform>
            <numerusform>%n مستند</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/team_reports.py" line="54"/>
        <source>Nothing to assign: every document asked for has its annotators.</source>
        <translation>لا شيء للتوزيع: لكل مستند مطلوب مُوسِّموه.</translation>
    </message>
    <message>
        <location filename="../../gui/team_reports.py" line="57"/>
        <source>%1, %2.</source>
        <comment>documents assigned, of them to several annotators</comment>
        <translation>%1، %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="58"/>
        <source>%n document(s) assigned</source>
        <translation>
            <numerusform>لم يُوزَّع أي مستند</numerusform>
            <numerusform>وُزِّع مستند واحد</numerusform>
            <numerusform>وُزِّع مستندان</numerusform>
            <numerusform>وُزِّعت %n مستندات</numerusform>
            <numerusform>وُزِّع %n مستندًا</numerusform>
            <numerusform>وُزِّع %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="59"/>
        <source>%n of them to several annotators (overlap)</source>
        <translation>
            <numerusform>ليس منها مستند مشترك</numerusform>
            <numerusform>منها مستند واحد لأكثر من مُوسِّم (مشترك)</numerusform>
            <numerusform>منها مستندان لأكثر من مُوسِّم (مشتركان)</numerusform>
            <numerusform>منها %n مستندات لأكثر من مُوسِّم (مشتركة)</numerusform>
            <numerusform>منها %n مستندًا لأكثر من مُوسِّم (مشتركة)</numerusform>
            <numerusform>منها %n مستند لأكثر من مُوسِّم (مشتركة)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="64"/>
        <source>%n document(s) already assigned, left as they were.</source>
        <translation>
            <numerusform>لا مستندات موزَّعة من قبل.</numerusform>
            <numerusform>مستند واحد كان موزَّعاً من قبل، فبقي كما هو.</numerusform>
            <numerusform>مستندان كانا موزَّعين من قبل، فبقيا كما هما.</numerusform>
            <numerusform>%n مستندات كانت موزَّعة من قبل، فبقيت كما هي.</numerusform>
            <numerusform>%n مستندًا كانت موزَّعة من قبل، فبقيت كما هي.</numerusform>
            <numerusform>%n مستند كانت موزَّعة من قبل، فبقيت كما هي.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/team_reports.py" line="72"/>
        <source>%1 of %2 given to others; %3 stay theirs.</source>
        <comment>unfinished documents, who left, documents they finished</comment>
        <translation>أُعطيت %1 لـ%2 إلى غيره؛ و%3 تبقى له.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="74"/>
        <source>%n unfinished document(s)</source>
        <translation>
            <numerusform>لا مستندات غير منجزة</numerusform>
            <numerusform>مستند واحد غير منجز</numerusform>
            <numerusform>مستندان غير منجزين</numerusform>
            <numerusform>%n مستندات غير منجزة</numerusform>
            <numerusform>%n مستندًا غير منجز</numerusform>
            <numerusform>%n مستند غير منجز</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="76"/>
        <source>the %n they finished</source>
        <translation>
            <numerusform>لا شيء مما أنجزه</numerusform>
            <numerusform>المستند الذي أنجزه</numerusform>
            <numerusform>المستندان اللذان أنجزهما</numerusform>
            <numerusform>المستندات الـ%n التي أنجزها</numerusform>
            <numerusform>المستندات الـ%n التي أنجزها</numerusform>
            <numerusform>المستندات الـ%n التي أنجزها</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="82"/>
        <source>%n shared document(s) everyone else had already: one annotator fewer.</source>
        <translation>
            <numerusform>لا مستندات مشتركة لدى الجميع من قبل.</numerusform>
            <numerusform>مستند مشترك واحد كان لدى الباقين جميعًا: صار له مُوسِّم أقل.</numerusform>
            <numerusform>مستندان مشتركان كانا لدى الباقين جميعًا: صار لكل منهما مُوسِّم أقل.</numerusform>
            <numerusform>%n مستندات مشتركة كانت لدى الباقين جميعًا: صار لكل منها مُوسِّم أقل.</numerusform>
            <numerusform>%n مستندًا مشتركًا كانت لدى الباقين جميعًا: صار لكل منها مُوسِّم أقل.</numerusform>
            <numerusform>%n مستند مشترك كانت لدى الباقين جميعًا: صار لكل منها مُوسِّم أقل.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/team_reports.py" line="92"/>
        <source>Saved %1&apos;s copy: %2 (%3).</source>
        <comment>annotator, file, documents</comment>
        <translation>حُفظت نسخة %1: %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="100"/>
        <source>%n copy(ies) written:</source>
        <translation>
            <numerusform>لم تُكتب أي نسخة:</numerusform>
            <numerusform>كُتبت نسخة واحدة:</numerusform>
            <numerusform>كُتبت نسختان:</numerusform>
            <numerusform>كُتبت %n نسخ:</numerusform>
            <numerusform>كُتبت %n نسخة:</numerusform>
            <numerusform>كُتبت %n نسخة:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/team_reports.py" line="104"/>
        <source>%1: %2 (%3, %4 shared for agreement)</source>
        <comment>annotator: file (documents, overlap documents)</comment>
        <translation>%1: %2 (%3، منها %4 مشتركة لقياس الاتفاق)</translation>
    </message>
    <message>
        <location filename="../../gui/team_reports.py" line="119"/>
        <source>%1: %2, %3, %4.</source>
        <comment>annotator: new spans, deleted spans, documents finished</comment>
        <translation>%1: %2، %3، %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="122"/>
        <source>%n new span(s)</source>
        <translation>
            <numerusform>لا مقاطع جديدة</numerusform>
            <numerusform>مقطع جديد واحد</numerusform>
            <numerusform>مقطعان جديدان</numerusform>
            <numerusform>%n مقاطع جديدة</numerusform>
            <numerusform>%n مقطعًا جديدًا</numerusform>
            <numerusform>%n مقطع جديد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="123"/>
        <source>%n deleted</source>
        <comment>spans</comment>
        <translation>
            <numerusform>لا حذف</numerusform>
            <numerusform>مقطع محذوف</numerusform>
            <numerusform>مقطعان محذوفان</numerusform>
            <numerusform>%n مقاطع محذوفة</numerusform>
            <numerusform>%n مقطعًا محذوفًا</numerusform>
            <numerusform>%n مقطع محذوف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="124"/>
        <source>%n document(s) finished</source>
        <translation>
            <numerusform>لا مستندات منجزة</numerusform>
            <numerusform>مستند واحد منجز</numerusform>
            <numerusform>مستندان منجزان</numerusform>
            <numerusform>%n مستندات منجزة</numerusform>
            <numerusform>%n مستندًا منجزًا</numerusform>
            <numerusform>%n مستند منجز</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/team_reports.py" line="130"/>
        <source>%n outside their assignment (%1)</source>
        <translation>
            <numerusform>ولا شيء خارج ما أُسند إليه (%1)</numerusform>
            <numerusform>ومستند واحد خارج ما أُسند إليه (%1)</numerusform>
            <numerusform>ومستندان خارج ما أُسند إليه (%1)</numerusform>
            <numerusform>و%n مستندات خارج ما أُسند إليه (%1)</numerusform>
            <numerusform>و%n مستندًا خارج ما أُسند إليه (%1)</numerusform>
            <numerusform>و%n مستند خارج ما أُسند إليه (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <location filename="../../gui/qt_team_view.py" line="65"/>
        <source>today %1</source>
        <translation>اليوم %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="67"/>
        <source>yesterday %1</source>
        <translation>أمس %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="87"/>
        <source>Team progress</source>
        <translation>تقدّم الفريق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="92"/>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="93"/>
        <source>Assigned</source>
        <translation>المُسنَد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="94"/>
        <source>Of them shared</source>
        <translation>منها مشتركة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="95"/>
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="96"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="97"/>
        <source>To do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="98"/>
        <source>Outside their assignment</source>
        <translation>خارج المُسنَد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="99"/>
        <source>Last activity</source>
        <translation>آخر نشاط</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="114"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="117"/>
        <source>Review the next ready document</source>
        <translation>مراجعة المستند الجاهز التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="146"/>
        <source>Counting…</source>
        <translation>جارٍ العدّ…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="191"/>
        <source>Documents shared with other annotators, for agreement</source>
        <translation>مستندات يشاركه فيها مُوسِّمون آخرون، لقياس الاتفاق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="194"/>
        <source>Documents they worked on that are not theirs</source>
        <translation>مستندات عمل عليها وليست مُسنَدة إليه</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="198"/>
        <source>Nobody has documents assigned yet: Team ▸ Assign documents… first.</source>
        <translation>لم تُوزَّع مستندات على أحد بعد: ابدأ بـ الفريق ◂ توزيع المستندات…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_team_view.py" line="202"/>
        <source>%n overlap document(s)</source>
        <translation>
            <numerusform>لا مستندات مشتركة</numerusform>
            <numerusform>مستند مشترك واحد</numerusform>
            <numerusform>مستندان مشتركان</numerusform>
            <numerusform>%n مستندات مشتركة</numerusform>
            <numerusform>%n مستندًا مشتركًا</numerusform>
            <numerusform>%n مستند مشترك</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="206"/>
        <source>%1; agreement once two annotators have finished one of them.</source>
        <translation>%1؛ يُحسب الاتفاق حين يُنجز مُوسِّمان واحداً منها.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="213"/>
        <source>%1; agreement so far on the %2 finished: F1 exact %3 · alpha U %4</source>
        <comment>overlap documents, finished ones, figures</comment>
        <translation>%1؛ الاتفاق حتى الآن على ما أُنجز منها (%2): F1 (تطابق تام) %3 · ألفا للتقطيع %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_team_view.py" line="228"/>
        <source>Ready for review (all their annotators finished): %n document(s)</source>
        <translation>
            <numerusform>جاهزة للمراجعة (أنجزها كل مُوسِّميها): لا شيء</numerusform>
            <numerusform>جاهزة للمراجعة (أنجزها كل مُوسِّميها): مستند واحد</numerusform>
            <numerusform>جاهزة للمراجعة (أنجزها كل مُوسِّميها): مستندان</numerusform>
            <numerusform>جاهزة للمراجعة (أنجزها كل مُوسِّميها): %n مستندات</numerusform>
            <numerusform>جاهزة للمراجعة (أنجزها كل مُوسِّميها): %n مستندًا</numerusform>
            <numerusform>جاهزة للمراجعة (أنجزها كل مُوسِّميها): %n مستند</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/qt_team_view.py" line="242"/>
        <source>Every document ready for review is reviewed.</source>
        <translation>رُوجع كل مستند جاهز للمراجعة.</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../gui/jobs.py" line="95"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>أُلغي العمل: لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../gui/jobs.py" line="121"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/background.py" line="60"/>
        <location filename="../../gui/jobs.py" line="182"/>
        <source>The work stopped without a result.</source>
        <translation>توقّف العمل دون نتيجة.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="28"/>
        <source>Project files to merge into this one</source>
        <translation>ملفات المشاريع المراد دمجها في هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="30"/>
        <location filename="../../gui/team_commands.py" line="202"/>
        <source>Alama projects (*.alama);;All files (*)</source>
        <translation>مشاريع «علامة» (*.alama);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="39"/>
        <source>Decide from the files</source>
        <translation>تلقائيًا، حسب الملفات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="40"/>
        <source>Plain text articles (.txt)</source>
        <translation>مقالات نصية (⁦.txt⁩)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="41"/>
        <source>JSONL (Prodigy, spaCy)</source>
        <translation>JSONL ‏(Prodigy وspaCy)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="42"/>
        <source>doccano JSONL</source>
        <translation>JSONL ‏doccano</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="43"/>
        <source>CoNLL / BIO</source>
        <translation>CoNLL / BIO</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="44"/>
        <source>Hugging Face (tokens, ner_tags)</source>
        <translation>Hugging Face ‏(tokens وner_tags)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="45"/>
        <source>brat standoff folder</source>
        <translation>مجلد brat</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="46"/>
        <source>INCEpTION / WebAnno TSV 3</source>
        <translation>INCEpTION / WebAnno ‏(TSV 3)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="47"/>
        <source>CoNLL-U (Universal Dependencies)</source>
        <translation>CoNLL-U ‏(Universal Dependencies)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_import.py" line="48"/>
        <source>Label Studio JSON</source>
        <translation>Label Studio ‏(JSON)</translation>
    </message>
</context>
</TS>
