<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="172"/>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="173"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="174"/>
        <source>Settings and demo</source>
        <translation>الإعدادات والمشروع التجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="177"/>
        <source>Annotate Arabic news: actors, places and claims.</source>
        <translation>تعليم الأخبار العربية: الفاعلون والأماكن والادعاءات.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="179"/>
        <source>Alama is free software under the MIT licence. The %1 font is under the %2; its text is shipped beside it.</source>
        <translation>علامة برنامج حر بترخيص MIT. والخط %1 مرخّص برخصة %2، ونصّها مرفق به.</translation>
    </message>
</context>
<context>
    <name>AgreementDashboard</name>
    <message>
        <location filename="../../gui/qt_agreement.py" line="147"/>
        <location filename="../../gui/qt_agreement.py" line="232"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="153"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="161"/>
        <source>F1, exact match</source>
        <translation>F1، تطابق تام</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="162"/>
        <source>F1, overlap match</source>
        <translation>F1، تطابق بالتداخل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="163"/>
        <source>Cohen&apos;s kappa on tokens</source>
        <translation>كابا كوهين على الكلمات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="170"/>
        <source>Annotator pairs</source>
        <translation>أزواج المعلِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="180"/>
        <source>Per label</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="185"/>
        <source>Disagreements</source>
        <translation>مواضع الاختلاف</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="190"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="190"/>
        <source>F1 exact</source>
        <translation>F1 التام</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="190"/>
        <source>F1 overlap</source>
        <translation>F1 بالتداخل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="190"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="196"/>
        <source>Documents, lowest agreement first (double-click opens)</source>
        <translation>المستندات، الأقل اتفاقاً أولاً (النقر المزدوج يفتح المستند)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="217"/>
        <source>– : nothing to compute it on. Pairs compare the documents both finished; alpha U and Fleiss&apos; kappa need annotators who finished every document counted here.</source>
        <translation>– : لا شيء يُحسب عليه. يقارن كل زوج المستندات التي أنجزها الاثنان؛ وتحتاج ألفا للتقطيع وكابا فلايس إلى معلِّمين أنجزوا كل المستندات المحتسبة هنا.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="244"/>
        <source>%1 annotators (%2), %3 documents finished by at least two of them.</source>
        <translation>%1 معلِّمين (%2)، و%3 مستندات أنجزها اثنان منهم على الأقل.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="249"/>
        <source>Not counted (nothing marked done): %1</source>
        <translation>لم يُحتسب (لم يُنجز شيئاً): %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="260"/>
        <source>Overall: F1 exact %1 ± %2 · F1 overlap %3 · alpha U %4 · Cohen&apos;s kappa %5 · Fleiss&apos; kappa %6 · Krippendorff&apos;s alpha %7</source>
        <translation>الإجمالي: F1 التام %1 ± %2 · F1 بالتداخل %3 · ألفا للتقطيع %4 · كابا كوهين %5 · كابا فلايس %6 · ألفا كريبندورف %7</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="275"/>
        <source>Boundary (same label, other offsets): %1
Label (same offsets, other label): %2
Boundary and label: %3
Missing (nothing there in the other layer): %4</source>
        <translation>الحدود (الوسم نفسه بحدود أخرى): %1
الوسم (الحدود نفسها بوسم آخر): %2
الحدود والوسم معاً: %3
ناقص (لا شيء هناك في الطبقة الأخرى): %4</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="318"/>
        <source>%1 documents both finished</source>
        <translation>%1 مستندات أنجزها الاثنان</translation>
    </message>
</context>
<context>
    <name>Alama</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="36"/>
        <source>Who is annotating?</source>
        <translation>من يقوم بالتعليم؟</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="37"/>
        <source>Your name. It decides whose layer you edit, and is shown at all times:</source>
        <translation>اسمك. يحدّد الطبقة التي تعدّلها، ويبقى ظاهراً طوال الوقت:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="47"/>
        <source>Alama</source>
        <translation>علامة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="56"/>
        <source>Label the selection %1 (%2); relabel the chosen span</source>
        <translation>وسم التحديد بـ %1 (%2)؛ أو تغيير وسم المقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="68"/>
        <source>Label the exact characters selected (no snapping to words)</source>
        <translation>وسم الحروف المحدّدة كما هي (دون التوسّع إلى كلمات كاملة)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="73"/>
        <source>Alt + drag</source>
        <translation>Alt + سحب</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="74"/>
        <source>Select exact characters, e.g. a name after the proclitic و or ب</source>
        <translation>تحديد حروف بعينها، مثل اسم بعد السابقة و أو ب</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="79"/>
        <source>Click a span</source>
        <translation>النقر على مقطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="80"/>
        <source>Choose it; click again to cycle through nested spans</source>
        <translation>اختياره؛ والنقر مجدداً للتنقّل بين المقاطع المتداخلة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="84"/>
        <source>Delete the chosen span</source>
        <translation>حذف المقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="87"/>
        <source>Grow / shrink the chosen span at its left (end) edge by a word</source>
        <translation>توسيع / تضييق المقطع المختار من طرفه الأيسر (نهايته) بكلمة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="93"/>
        <source>Grow / shrink the chosen span at its right (start) edge by a word</source>
        <translation>توسيع / تضييق المقطع المختار من طرفه الأيمن (بدايته) بكلمة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="98"/>
        <source>… with Alt</source>
        <translation>… مع Alt</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="99"/>
        <source>By one character instead of a word</source>
        <translation>بحرف واحد بدلاً من كلمة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="101"/>
        <source>Clear the selection and the chosen span</source>
        <translation>إلغاء التحديد والمقطع المختار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="104"/>
        <source>Mark the document done and open the next one</source>
        <translation>تعليم المستند كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="106"/>
        <source>Next / previous document</source>
        <translation>المستند التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="107"/>
        <source>Find in this article</source>
        <translation>البحث في هذا المقال</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="108"/>
        <source>Search all documents</source>
        <translation>البحث في كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="111"/>
        <source>Undo / redo, also after switching documents</source>
        <translation>تراجع / إعادة، حتى بعد الانتقال بين المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="113"/>
        <source>Zoom in / out / reset</source>
        <translation>تكبير / تصغير / الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="114"/>
        <source>Agreement dashboard</source>
        <translation>لوحة الاتفاق بين المعلِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="115"/>
        <source>Merge annotators&apos; project files</source>
        <translation>دمج ملفات مشاريع المعلِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="116"/>
        <source>Review mode on / off (the gold layer)</source>
        <translation>تشغيل وضع المراجعة أو إيقافه (الطبقة المرجعية)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="119"/>
        <source>Review: accept the chosen span into gold</source>
        <translation>المراجعة: قبول المقطع المختار في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="123"/>
        <source>Review: reject the chosen span (out of gold)</source>
        <translation>المراجعة: رفض المقطع المختار (خارج الطبقة المرجعية)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="127"/>
        <source>Review: accept everything all annotators agree on</source>
        <translation>المراجعة: قبول كل ما اتّفق عليه جميع المعلِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="133"/>
        <source>Review: next / previous disagreement</source>
        <translation>المراجعة: الخلاف التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="137"/>
        <source>Review: accept the chosen span under that label, or relabel gold</source>
        <translation>المراجعة: قبول المقطع المختار بذلك الوسم، أو تغيير وسم المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="143"/>
        <source>Review: mark the document reviewed, open the next</source>
        <translation>المراجعة: تعليم المستند مراجَعاً وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="147"/>
        <source>This sheet</source>
        <translation>هذه الصفحة</translation>
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
        <translation>معالجة علامة للعربية مدمجة فيه: حدود الكلمات والتوحيد والبحث الذي يتجاهل التشكيل والتطويل وصور الهمزة كلها من camel-tools %1، ولا تحتاج إلى أي تنزيل. كل ما في علامة يعمل دون النماذج أدناه.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_models.py" line="90"/>
        <source>camel-tools can also download trained models. They are optional: use them in your own scripts to pre-annotate articles, then import the result as JSONL (File ▸ Import…).</source>
        <translation>يستطيع camel-tools أيضًا تنزيل نماذج مدرّبة. وهي اختيارية: استعملها في برامجك الخاصة لتعليم المقالات مسبقًا، ثم استورد النتيجة بصيغة JSONL (ملف ◂ استيراد…).</translation>
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
        <translation>هذا التثبيت من علامة لا يضم %1، وعليه يعمل نموذج الكيانات المسمّاة. ثبّت camel-tools بأداة pip في بيئة Python خاصة بك لاستعماله.</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../gui/qt_documents.py" line="63"/>
        <source>to do</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location filename="../../gui/qt_documents.py" line="64"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_documents.py" line="65"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/qt_transfer.py" line="293"/>
        <location filename="../../gui/qt_transfer.py" line="343"/>
        <location filename="../../gui/qt_transfer.py" line="379"/>
        <location filename="../../gui/qt_transfer.py" line="383"/>
        <location filename="../../gui/qt_transfer.py" line="389"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="300"/>
        <source>Every annotator (also a backup)</source>
        <translation>كل المُعلِّمين (وهي نسخة احتياطية أيضاً)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="304"/>
        <source>Only %1</source>
        <translation>%1 فقط</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="306"/>
        <source>The reviewed gold layer</source>
        <translation>الطبقة الذهبية المراجَعة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="315"/>
        <source>Split documents into</source>
        <translation>قسّم الوثائق إلى</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="320"/>
        <source>seed </source>
        <translation>البذرة </translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="327"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="335"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="336"/>
        <source>Layer:</source>
        <translation>الطبقة:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="337"/>
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="339"/>
        <source>Write to:</source>
        <translation>اكتب إلى:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="364"/>
        <source>Folder to write</source>
        <translation>المجلد الذي يُكتب فيه</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="367"/>
        <source>File to write</source>
        <translation>الملف الذي يُكتب فيه</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="379"/>
        <source>Choose where to write the export.</source>
        <translation>اختر أين يُكتب التصدير.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="383"/>
        <source>Choose at least one label.</source>
        <translation>اختر وسماً واحداً على الأقل.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="403"/>
        <source>Writing %1</source>
        <translation>جارٍ كتابة %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/qt_panels.py" line="171"/>
        <source>Find in this article (ignores diacritics)</source>
        <translation>ابحث في هذا المقال (دون اعتبار للتشكيل)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_panels.py" line="198"/>
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/qt_transfer.py" line="185"/>
        <location filename="../../gui/qt_transfer.py" line="216"/>
        <location filename="../../gui/qt_transfer.py" line="259"/>
        <location filename="../../gui/qt_transfer.py" line="265"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="189"/>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="191"/>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="193"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="203"/>
        <source>as the files say; otherwise “imported”</source>
        <translation>كما تذكر الملفات؛ وإلا «imported»</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="207"/>
        <source>Add labels the project does not have yet</source>
        <translation>أضف الوسوم التي ليست في المشروع بعد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="209"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="210"/>
        <source>Annotator:</source>
        <translation>المُعلِّم:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="211"/>
        <source>Rename labels:</source>
        <translation>إعادة تسمية الوسوم:</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="242"/>
        <source>Files to import</source>
        <translation>ملفات للاستيراد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="244"/>
        <source>Articles and annotations</source>
        <translation>مقالات وتعليمات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="246"/>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="252"/>
        <source>Folder to import</source>
        <translation>مجلد للاستيراد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="259"/>
        <source>Add a file or a folder to import first.</source>
        <translation>أضف ملفاً أو مجلداً للاستيراد أولاً.</translation>
    </message>
</context>
<context>
    <name>LabelBars</name>
    <message>
        <location filename="../../gui/qt_agreement.py" line="75"/>
        <source>F1 exact</source>
        <translation>F1 التام</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="76"/>
        <source>F1 overlap</source>
        <translation>F1 بالتداخل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="77"/>
        <source>alpha U</source>
        <translation>ألفا للتقطيع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_agreement.py" line="78"/>
        <source>Cohen&apos;s kappa</source>
        <translation>كابا كوهين</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../gui/qt_panels.py" line="59"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/qt_main_window.py" line="87"/>
        <source>Search all documents (ignores diacritics)</source>
        <translation>ابحث في كل المستندات (دون اعتبار للتشكيل)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="94"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="95"/>
        <source>To do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="96"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="97"/>
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="187"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="188"/>
        <source>Open the demo</source>
        <translation>فتح المشروع التجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="189"/>
        <source>Start screen…</source>
        <translation>شاشة البداية…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="190"/>
        <source>Change annotator…</source>
        <translation>تغيير اسم المعلِّم…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="192"/>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="193"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="194"/>
        <source>Merge…</source>
        <translation>دمج…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="196"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="198"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="199"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="201"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="207"/>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="207"/>
        <source>Reject span</source>
        <translation>رفض المقطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="211"/>
        <source>Find in article</source>
        <translation>بحث في المقال</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="212"/>
        <source>Search all documents</source>
        <translation>البحث في كل المستندات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="214"/>
        <source>&amp;Labels</source>
        <translation>&amp;الوسوم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="229"/>
        <source>&amp;Document</source>
        <translation>&amp;المستند</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="232"/>
        <source>Mark done and open the next</source>
        <translation>تعليم كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="236"/>
        <source>Mark not done</source>
        <translation>إلغاء تعليم الإنجاز</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="239"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="245"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="250"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="251"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="252"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="253"/>
        <source>Normal size</source>
        <translation>الحجم العادي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="263"/>
        <source>&amp;Review</source>
        <translation>ال&amp;مراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="267"/>
        <source>Arabic models…</source>
        <translation>النماذج العربية…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="268"/>
        <location filename="../../gui/qt_main_window.py" line="564"/>
        <source>About Alama</source>
        <translation>عن علامة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="271"/>
        <source>Agreement…</source>
        <translation>الاتفاق بين المعلِّمين…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="640"/>
        <source>%1 / %2 reviewed</source>
        <translation>رُوجع %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="255"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="265"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="266"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="273"/>
        <source>Review mode</source>
        <translation>وضع المراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="280"/>
        <source>Accept span into gold</source>
        <translation>قبول المقطع في الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="282"/>
        <source>Accept everything all annotators agree on</source>
        <translation>قبول كل ما اتّفق عليه جميع المعلِّمين</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="284"/>
        <source>Next disagreement</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="286"/>
        <source>Previous disagreement</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="340"/>
        <source>That was the last document to do in this list.</source>
        <translation>كان هذا آخر مستند متبقٍّ في هذه القائمة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_main_window.py" line="357"/>
        <source>%n document(s) contain it</source>
        <translation>
            <numerusform>لا مستند يحتويه</numerusform>
            <numerusform>مستند واحد يحتويه</numerusform>
            <numerusform>مستندان يحتويانه</numerusform>
            <numerusform>%n مستندات تحتويه</numerusform>
            <numerusform>%n مستنداً يحتويه</numerusform>
            <numerusform>%n مستند يحتويه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="378"/>
        <source>Nothing to label: the selection holds only spaces or marks.</source>
        <translation>لا شيء للوسم: التحديد يحوي مسافات أو علامات فقط.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="387"/>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصاً أولاً، ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="390"/>
        <source>Alama</source>
        <translation>علامة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="409"/>
        <source>Choose a span in the review list first (F8 finds the next).</source>
        <translation>اختر مقطعاً من قائمة المراجعة أولاً (F8 يجد التالي).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/qt_main_window.py" line="422"/>
        <source>%n agreed span(s) accepted into gold.</source>
        <translation>
            <numerusform>لم يُقبل أي مقطع متّفق عليه.</numerusform>
            <numerusform>قُبل مقطع واحد متّفق عليه في المرجع.</numerusform>
            <numerusform>قُبل مقطعان متّفق عليهما في المرجع.</numerusform>
            <numerusform>قُبلت %n مقاطع متّفق عليها في المرجع.</numerusform>
            <numerusform>قُبل %n مقطعاً متّفقاً عليه في المرجع.</numerusform>
            <numerusform>قُبل %n مقطع متّفق عليه في المرجع.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="447"/>
        <source>No open disagreement left in this list of documents.</source>
        <translation>لم يبقَ خلاف مفتوح في قائمة المستندات هذه.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="520"/>
        <source>Gold spans in this article: %1</source>
        <translation>المقاطع المرجعية في هذا المقال: %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="522"/>
        <source>Spans in this article: %1</source>
        <translation>المقاطع في هذا المقال: %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="571"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="583"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="593"/>
        <source>Merge</source>
        <translation>الدمج</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="631"/>
        <source>Reviewing as %1: the gold layer</source>
        <translation>المراجِع: %1 — الطبقة المرجعية</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="632"/>
        <source>review</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="635"/>
        <source>Annotator: %1</source>
        <translation>المعلِّم: %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_main_window.py" line="640"/>
        <source>%1 / %2 done</source>
        <translation>أُنجز %1 من %2</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../gui/qt_review.py" line="37"/>
        <source>all agree</source>
        <translation>اتفاق الجميع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="38"/>
        <source>some agree</source>
        <translation>اتفاق البعض</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="39"/>
        <source>one annotator</source>
        <translation>معلِّم واحد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="40"/>
        <source>reviewer&apos;s own</source>
        <translation>من المراجِع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="43"/>
        <source>✓ in gold</source>
        <translation>✓ في المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="44"/>
        <source>✗ rejected</source>
        <translation>✗ مرفوض</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="45"/>
        <source>≈ settled in gold</source>
        <translation>≈ حُسم في المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="46"/>
        <source>• open</source>
        <translation>• مفتوح</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../gui/qt_review.py" line="90"/>
        <source>Accept (Enter)</source>
        <translation>قبول (Enter)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="91"/>
        <source>Reject (Delete)</source>
        <translation>رفض (Delete)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="92"/>
        <source>Accept all agreed (Shift+Enter)</source>
        <translation>قبول كل ما اتُّفق عليه (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="93"/>
        <source>Next disagreement (F8)</source>
        <translation>الخلاف التالي (F8)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="113"/>
        <source>gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="114"/>
        <source>Span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="114"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="114"/>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="164"/>
        <source>No annotator has marked this document done yet: nothing to compare.</source>
        <translation>لم يُنجز أي معلِّم هذا المستند بعد: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="166"/>
        <source>Finished by: %1.</source>
        <translation>أنجزه: %1.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="169"/>
        <source>Not counted (not done): %1.</source>
        <translation>لا يُحتسب (لم يُنجز): %1.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="173"/>
        <source>Reviewed.</source>
        <translation>رُوجع.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="173"/>
        <source>Not marked reviewed yet.</source>
        <translation>لم يُعلَّم مراجَعاً بعد.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_review.py" line="175"/>
        <source>%1 candidates: %2 disagreements open, %3 agreed not yet accepted.</source>
        <translation>المقاطع المرشّحة: %1؛ خلافات مفتوحة: %2؛ متّفق عليها لم تُقبل بعد: %3.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../gui/session.py" line="134"/>
        <source>Accept agreed spans (%1)</source>
        <translation>قبول المقاطع المتّفق عليها (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="175"/>
        <source>Label %1</source>
        <translation>وسم %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="206"/>
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="226"/>
        <source>Change %1</source>
        <translation>تعديل %1</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="248"/>
        <source>Mark done</source>
        <translation>تعليم كمنجز</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="250"/>
        <source>Mark not done</source>
        <translation>إلغاء تعليم الإنجاز</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="269"/>
        <source>Reject %1</source>
        <translation>رفض %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="198"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="225"/>
        <source>Alama — علامة</source>
        <translation>علامة — Alama</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="237"/>
        <source>&lt;h2&gt;Alama — علامة&lt;/h2&gt;&lt;p&gt;Annotate Arabic news: actors, places and claims.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;علامة — Alama&lt;/h2&gt;&lt;p&gt;وسم الأخبار العربية: الفاعلون والأماكن والادعاءات.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="245"/>
        <source>No projects yet. Open the demo to try Alama: six short news articles, two of them already labelled by two annotators. Select words and press 1, 2 or 3.</source>
        <translation>لا مشاريع بعد. افتح المشروع التجريبي لتجرّب علامة: ست مقالات إخبارية قصيرة، وسم اثنتين منها معلّمان اثنان. حدّد كلمات واضغط 1 أو 2 أو 3.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="253"/>
        <source>Open the demo</source>
        <translation>فتح المشروع التجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="254"/>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="255"/>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="265"/>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="292"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="292"/>
        <source>Alama projects (*.alama)</source>
        <translation>مشاريع علامة (*.alama)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="300"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_dialogs.py" line="300"/>
        <source>Alama projects (*.alama);;All files (*)</source>
        <translation>مشاريع علامة (*.alama);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../gui/qt_transfer.py" line="79"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>أُلغي العمل: لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="97"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="125"/>
        <source>The work stopped without a result.</source>
        <translation>توقّف العمل دون نتيجة.</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="146"/>
        <source>Project files to merge into this one</source>
        <translation>ملفات المشاريع المراد دمجها في هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="148"/>
        <source>Alama projects (*.alama);;All files (*)</source>
        <translation>مشاريع علامة (*.alama);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="160"/>
        <source>Merging project files: %1</source>
        <translation>دمج ملفات المشاريع: %1</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="170"/>
        <source>Decide from the files</source>
        <translation>تُحدَّد من الملفات</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="171"/>
        <source>Plain text articles (.txt)</source>
        <translation>مقالات نصية (‎.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="172"/>
        <source>JSONL (Prodigy, spaCy)</source>
        <translation>JSONL ‏(Prodigy وspaCy)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="173"/>
        <source>doccano JSONL</source>
        <translation>JSONL ‏doccano</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="174"/>
        <source>CoNLL / BIO</source>
        <translation>CoNLL / BIO</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="175"/>
        <source>Hugging Face (tokens, ner_tags)</source>
        <translation>Hugging Face ‏(tokens وner_tags)</translation>
    </message>
    <message>
        <location filename="../../gui/qt_transfer.py" line="176"/>
        <source>brat standoff folder</source>
        <translation>مجلد brat</translation>
    </message>
</context>
</TS>
