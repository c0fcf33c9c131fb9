"""Salted digests of the exercise answers (generated: `make check-hashes`; do not edit).

For each exercise number i and each accepted precision k (the stated significant
figures, and fewer for a 'close' verdict): sha256 of salt|label|i|rounding, cut to 20
hex digits. The values themselves are in the instructor's answer key only."""

SALT = 'e5898483ae770af6b67ca0aa72df3d8e'

DIGESTS = {
    'ex-01-2': (
        {3: ('505ad6927f758f857def',), 2: ('46163f2c02c94239f6a8',)},
        {3: ('470e3c592dffc3fb6d91',), 2: ('6925a507ffacd56edf52',)},
        {3: ('b8f6c8baa644ce9f6407',), 2: ('e7adb32de2a6a231576e',)},
    ),
    'ex-01-3': (
        {3: ('e94eb324aaa70bdd3cec', 'edadb57818ac70df1679'), 2: ('a7cc1777bb61660adb36',)},
        {3: ('f37e16707f473a90aae5',), 2: ('1af7b11d64df98cd5344',)},
    ),
    'ex-01-4': (
        {3: ('6c88c3b17ee9e09d6358',), 2: ('c2dfaaa3cde26c9a1fe1',)},
    ),
    'ex-02-2': (
        {3: ('bbd292540b305aa3c5da',), 2: ('d4da26cee3a4cda1949a',)},
    ),
    'ex-02-3': (
        {3: ('cd71c6bb10c9adae32cd',), 2: ('f8a2a69f509ba05e4761',)},
        {3: ('2a5b358923b9ded8b02d',), 2: ('5a5f0b57aae62f7e91f8', 'beecd6f34f4ceaec6592')},
    ),
    'ex-02-4': (
        {3: ('693c02f809f4bc8767ee',), 2: ('02e88bc6c85acecea77c',)},
    ),
    'ex-03-2': (
        {3: ('fdd65f8ef69cd66b2629',), 2: ('893db839d006de070be7',)},
    ),
    'ex-03-3': (
        {3: ('a59824f2980eea36528c',), 2: ('a59824f2980eea36528c',)},
        {3: ('e0d3ca99834849982d49',), 2: ('703a41efcf0ac91227fd',)},
    ),
    'ex-03-4': (
        {3: ('106f4fe02c9263e6e67e',), 2: ('229d468288b2ed22738b',)},
    ),
    'ex-04-2': (
        {3: ('edb9e9bf627e355e0cb8',), 2: ('bc55049dc0a79289b1d9',)},
        {3: ('3ba55f6ff816ba046432',), 2: ('ac5a6b67d2ff950970b3',)},
    ),
    'ex-04-3': (
        {3: ('4f77da470809a0e6b298',), 2: ('a3777734e144806d1e54',)},
        {3: ('80e15b9ff649676d6cce',), 2: ('43550470e4f679202889',)},
    ),
    'ex-04-4': (
        {3: ('a8edbc3bc2e14c8dfd15',), 2: ('458c2cf038763d740535',)},
    ),
    'ex-05-2': (
        {3: ('b671b7154c0eda8a569f',), 2: ('dc2087dc2f48d9fc1550',)},
        {3: ('f053b75adb702c183b67',), 2: ('1336c531af045e59842a',)},
    ),
    'ex-05-3': (
        {3: ('84d401e0d26424673c98',), 2: ('d6bcdd753ed948618ce5',)},
        {3: ('09d5b71e7709c10f8e7a',), 2: ('437937464c006a51bd3e',)},
    ),
    'ex-05-4': (
        {3: ('186ee15e7fadb552ab14',), 2: ('d6a141dcecc62fc6dd9b',)},
        {3: ('ffbd6c67543877b97b91',), 2: ('f90974235630861b961b',)},
    ),
    'ex-06-2': (
        {3: ('fdf784dfa6ebe8e6fb82',), 2: ('59d35e7d7718e95c5c67',)},
        {3: ('4f7d267ec5135460af54',), 2: ('72dd31ec15b396168105',)},
        {3: ('93ffb45d97dbd5ac34e2',), 2: ('c50bccd2efcdcc89cdf8',)},
    ),
    'ex-06-3': (
        {3: ('f780bd3a00d62114a34b',), 2: ('51118b215ac686e7c753',)},
    ),
    'ex-06-4': (
        {3: ('0afcb50de0b3e6abd35e',), 2: ('5c584e6c39a8de589c50',)},
        {3: ('410f86bcfaa6751c7a5f',), 2: ('a7fd42a25084820dcef3',)},
    ),
    'ex-06-7': (
        {3: ('aecfd40bbb4ba229c343',), 2: ('3b5ebbc4f349f2a108f3',)},
        {3: ('dc3305622792f3c67d8f',), 2: ('b098547b2fdb1a862a11',)},
    ),
    'ex-07-2': (
        {3: ('fbaa1e797f24b7d863d5',), 2: ('a55680d204909fad03fe',)},
    ),
    'ex-07-3': (
        {3: ('53d39fcc7fa2497d07ad', 'b121f04a0b391146f3df'), 2: ('1ce20310b3bfc8c1f26b',)},
        {3: ('b7aee046b120d61acae0',), 2: ('305490bd43d4fd360bb0',)},
    ),
    'ex-07-4': (
        {3: ('dc938474687df7572730',), 2: ('724deec83ff1c8233630',)},
        {3: ('0deccf75fe4ec2bb4982',), 2: ('c75db00f7bd7ffbcd104',)},
    ),
    'ex-07-7': (
        {3: ('f0ab59067476515f0d22',), 2: ('ee27bb25dc8c1879cd35',)},
        {3: ('54f9a46df943082ea6d0',), 2: ('e21712aa4fab8575f978',)},
    ),
    'ex-08-8': (
        {3: ('bee31134c60966c75e7c',), 2: ('22314c97279efcb17212',)},
        {3: ('2408bdede2fa8678e9aa',), 2: ('666cca4a72689be53bc6',)},
        {3: ('ff02d7979c04b07fa2cf',), 2: ('4b83e1e67120a8831e02',)},
    ),
    'ex-08-9': (
        {3: ('398a6ae025daf42434a4',), 2: ('f8297a6c69d108f870c6',)},
        {3: ('a3f6783d8be44a5bcdb2',), 2: ('843e28b29be4ea771289', 'a2004c04d108421acd4d')},
    ),
    'ex-09-2': (
        {3: ('ae1a16dcd6b819952bc5',), 2: ('5d149a879d87a5eb04fe',)},
        {3: ('e552e2fbf5b067ebeadb',), 2: ('c9bd3ef88efb0df86929',)},
    ),
    'ex-09-3': (
        {3: ('00ee8471e189fe723bce',), 2: ('0bcbd363f1291b8948ce',)},
        {3: ('46798594fedbc386f239',), 2: ('fe0e3285b418ca04cf70',)},
    ),
    'ex-09-4': (
        {3: ('e8068b8800e9ff8d2323',), 2: ('a84e95b1059c6d139423',)},
        {3: ('a8a6f9555d0d5bfc9912',), 2: ('a6e79afca5f8860fcab5',)},
    ),
    'ex-09-7': (
        {3: ('cfa680e6b9588a6a5284',), 2: ('ae60c88ccaee4269d13d',)},
        {3: ('b9d21510c4ead1e69a34',), 2: ('82b1c444b1aea64f8e81',)},
    ),
    'ex-09-8': (
        {3: ('5c89f131ede8a118d80d',), 2: ('f47cd714a8e97fdb665e',)},
        {3: ('18479b8a0121dc7a05aa',), 2: ('7b31edd127d4db4e4f8f',)},
    ),
    'ex-10-3': (
        {3: ('db2fb7c0a1eec4d7fd42',), 2: ('496c7a4a81f5c00ed9d0',)},
        {3: ('94ee75ff950697477d42',), 2: ('6d4873fd8faf7d75f66a',)},
    ),
    'ex-10-4': (
        {3: ('d9314ac478eb30cde70a',), 2: ('d47368af6e20a85c43a7',)},
    ),
    'ex-10-6': (
        {3: ('4d5ef494ff4f0a311a08',), 2: ('cb7ec8273eda37345a45',)},
        {3: ('27253985a1d01817ad67',), 2: ('f83a8d5c4b9e987a472b',)},
    ),
}
